package web

// resultsRoutes are the routes of the results feature: NACC computes a year's results during
// processing and keeps them; NACC, assessors and supervising bodies read the national table
// within their scope; an agency reads its own result once publication has begun. See
// routeTable. Every handler checks agency scope again.
func (s *Server) resultsRoutes() []route {
	return []route{
		{"GET /results", anyRole, s.resultsHome},
		{"POST /results/compute", centralOnly, s.resultsCompute},
		{"GET /results/export.xlsx", listers, s.resultsExport},
		{"GET /agencies/{code}/results", anyRole, s.resultsAgency},
		{"GET /api/v1/results", listers, s.apiResults},
		{"POST /api/v1/results/compute", centralOnly, s.apiResultsCompute},
		{"GET /api/v1/agencies/{code}/results", anyRole, s.apiAgencyResults},
	}
}
