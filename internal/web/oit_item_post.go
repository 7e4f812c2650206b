package web

import (
	"net/http"

	"github.com/openitas/itas/internal/account"
	"github.com/openitas/itas/internal/oit"
)

// oitItemForm is the form of a change to one OIT item: it reads itself from the request and
// makes the command for the item.
type oitItemForm interface {
	parse(r *http.Request) error
	command(id string) oit.Command
}

// oitItemChange is what differs between the POSTs on one OIT item (the admin's answer and
// reply, the executive's check, the assessor's score and decision); oitItemPost is the rest.
type oitItemChange struct {
	perm   account.Action // what the account must be allowed on the agency
	action oit.Action     // whose phases must be open
	form   oitItemForm    // filled from the request, still there when shown again
	flash  string         // the message key shown after the change
	// reshow renders the page again with err, a form error (isFormError), beside the form.
	reshow func(c *oitCtx, id string, err error) error
	// next is where the browser goes once the change is stored.
	next func(c *oitCtx, id string) string
}

// oitItemPost makes the change ch to the item of the request's path: it checks the account
// and the phase (oitWrite) and the item, reads the form, applies its command, and then shows
// the form again on a broken rule or a stale version, or says it is done and moves on.
func (s *Server) oitItemPost(w http.ResponseWriter, r *http.Request, ch oitItemChange) error {
	c, err := s.oitWrite(w, r, ch.perm, ch.action)
	if err != nil {
		return err
	}
	id, err := oitItemID(r, c)
	if err != nil {
		return err
	}
	err = ch.form.parse(r)
	if err == nil {
		err = s.applyOIT(r, c, ch.form.command(id))
	}
	if isFormError(err) {
		return ch.reshow(c, id, err)
	}
	if err != nil {
		return err
	}
	setFlash(w, ch.flash)
	http.Redirect(w, r, ch.next(c, id), http.StatusSeeOther)
	return nil
}

// nextIfAsked returns the item after id when the form asked to go on ("next") and there is
// one, otherwise id.
func nextIfAsked(r *http.Request, c *oitCtx, id string) string {
	if r.PostFormValue("next") != "" {
		if n, ok := c.list.Next(id); ok {
			return n
		}
	}
	return id
}
