package loadgen

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
	"time"
)

// phone is one client's keep-alive HTTP/1.1 connection to the server, as a respondent's phone
// would hold it. It writes each request itself and reads the answer with the standard
// library's parser (http.ReadResponse): an http.Transport runs two goroutines per connection
// and hands every request between them, which costs the load generator — on the same cores as
// the server it measures — about a fifth of the CPU of a response.
type phone struct {
	host string // "127.0.0.1:port"
	xff  string // the phone's address, sent in X-Forwarded-For
	conn net.Conn
	br   *bufio.Reader
	req  []byte
}

// phoneTimeout bounds one request and its answer.
const phoneTimeout = 60 * time.Second

// post sends body to path as JSON and returns the answer's status, having read the whole
// answer. An error means no complete answer came; the connection is then dropped and the next
// post dials again.
func (p *phone) post(path string, body []byte) (int, error) {
	if p.conn == nil {
		c, err := net.DialTimeout("tcp", p.host, 10*time.Second)
		if err != nil {
			return 0, err
		}
		p.conn, p.br = c, bufio.NewReaderSize(c, 4096)
	}
	p.req = append(p.req[:0], "POST "...)
	p.req = append(p.req, path...)
	p.req = append(p.req, " HTTP/1.1\r\nHost: "...)
	p.req = append(p.req, p.host...)
	p.req = append(p.req, "\r\nContent-Type: application/json\r\nAccept-Encoding: gzip\r\nX-Forwarded-For: "...)
	p.req = append(p.req, p.xff...)
	p.req = append(p.req, "\r\nContent-Length: "...)
	p.req = strconv.AppendInt(p.req, int64(len(body)), 10)
	p.req = append(p.req, "\r\n\r\n"...)
	p.req = append(p.req, body...)
	if err := p.conn.SetDeadline(time.Now().Add(phoneTimeout)); err != nil {
		return 0, p.drop(err)
	}
	if _, err := p.conn.Write(p.req); err != nil {
		return 0, p.drop(err)
	}
	res, err := http.ReadResponse(p.br, nil)
	if err != nil {
		return 0, p.drop(err)
	}
	_, err = io.Copy(io.Discard, res.Body)
	res.Body.Close()
	if err != nil {
		return 0, p.drop(fmt.Errorf("reading the answer: %w", err))
	}
	if res.Close {
		p.drop(nil)
	}
	return res.StatusCode, nil
}

// drop closes the connection and returns err.
func (p *phone) drop(err error) error {
	if p.conn != nil {
		p.conn.Close()
		p.conn, p.br = nil, nil
	}
	return err
}
