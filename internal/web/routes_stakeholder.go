package web

// stakeholderRoutes are the routes of the stakeholder feature; see routeTable.
func (s *Server) stakeholderRoutes() []route {
	return nil
}
