package web

import "testing"

// TestOnPostgres runs the platform's handler tests that touch the most SQL on PostgreSQL: the
// walk of every route with every role, the agency import and the staff accounts. Each runs on a
// schema of its own in the ITAS_TEST_PG database. Without ITAS_TEST_PG it skips, or fails when
// CI=true. ITAS_WEB_PG=1 runs every handler test on PostgreSQL instead.
func TestOnPostgres(t *testing.T) {
	postgresDSN(t)
	t.Run("RouteAccess", func(t *testing.T) {
		testRouteAccess(t, newEnvOn(t, Config{}, onPostgres))
	})
	for name, test := range map[string]func(*testing.T, engine){
		"AgencyImport": testAgencyImport, "AgencyImportProblems": testAgencyImportProblems,
		"APIAgencyImport": testAPIAgencyImport, "StaffCreate": testStaffCreate, "StaffScope": testStaffScope,
		"DisableAccount": testDisableAccount, "APIStaff": testAPIStaff,
	} {
		t.Run(name, func(t *testing.T) { test(t, onPostgres) })
	}
}
