package web

// stakeholderStore is what the stakeholder feature needs from the store; see Store.
type stakeholderStore interface {
}
