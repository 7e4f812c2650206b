package web

// trackingStore is what the tracking feature needs from the store; see Store.
type trackingStore interface {
}
