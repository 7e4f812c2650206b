package storetest

// oitTests are the conformance tests of the oit feature.
var oitTests = []test{}
