package web

// trackingRoutes are the routes of the tracking feature; see routeTable.
func (s *Server) trackingRoutes() []route {
	return nil
}
