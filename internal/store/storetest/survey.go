package storetest

// surveyTests are the conformance tests of the survey feature.
var surveyTests = []test{}
