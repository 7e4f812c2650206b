package web

// oitRoutes are the routes of the oit feature; see routeTable.
func (s *Server) oitRoutes() []route {
	return nil
}
