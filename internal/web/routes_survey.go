package web

// surveyRoutes are the routes of the survey feature; see routeTable.
func (s *Server) surveyRoutes() []route {
	return nil
}
