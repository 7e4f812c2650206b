package storetest

// evidenceTests are the conformance tests of the evidence feature.
var evidenceTests = []test{}
