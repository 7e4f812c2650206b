package web

// oitStore is what the oit feature needs from the store; see Store.
type oitStore interface {
}
