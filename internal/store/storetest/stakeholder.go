package storetest

// stakeholderTests are the conformance tests of the stakeholder feature.
var stakeholderTests = []test{}
