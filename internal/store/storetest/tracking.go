package storetest

// trackingTests are the conformance tests of the tracking feature.
var trackingTests = []test{}
