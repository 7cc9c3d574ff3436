// Package dnstest runs a real DNS server on loopback for tests: it answers
// TXT queries from records the test sets, over UDP and TCP, so that domain
// verification goes through a genuine resolver and wire protocol.
package dnstest

import (
	"net"
	"strings"
	"sync"
	"testing"

	"github.com/miekg/dns"
)

// Server is an authoritative DNS server for TXT records.
type Server struct {
	Addr string // host:port, UDP and TCP

	mu  sync.Mutex
	txt map[string][]string // fqdn → records
}

// Start starts a server on a free loopback port; the test stops it.
func Start(t testing.TB) *Server {
	t.Helper()
	// The UDP port the kernel picks may be taken for TCP by another test
	// process; try a few ports before giving up.
	var pc net.PacketConn
	var ln net.Listener
	var err error
	for try := 0; try < 20; try++ {
		if pc, err = net.ListenPacket("udp", "127.0.0.1:0"); err != nil {
			t.Fatalf("dnstest: listen udp: %v", err)
		}
		if ln, err = net.Listen("tcp", pc.LocalAddr().String()); err == nil {
			break
		}
		pc.Close()
	}
	if err != nil {
		t.Fatalf("dnstest: listen tcp: %v", err)
	}
	s := &Server{Addr: pc.LocalAddr().String(), txt: map[string][]string{}}
	udp := &dns.Server{PacketConn: pc, Handler: s}
	tcp := &dns.Server{Listener: ln, Handler: s}
	go func() { _ = udp.ActivateAndServe() }()
	go func() { _ = tcp.ActivateAndServe() }()
	t.Cleanup(func() {
		_ = udp.Shutdown()
		_ = tcp.Shutdown()
	})
	return s
}

// SetTXT sets the TXT records of name (replacing earlier ones).
func (s *Server) SetTXT(name string, records ...string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.txt[dns.Fqdn(strings.ToLower(name))] = records
}

// ServeDNS answers TXT questions; other names get NXDOMAIN.
func (s *Server) ServeDNS(w dns.ResponseWriter, req *dns.Msg) {
	m := new(dns.Msg)
	m.SetReply(req)
	m.Authoritative = true
	s.mu.Lock()
	for _, q := range req.Question {
		recs, ok := s.txt[strings.ToLower(q.Name)]
		if !ok {
			m.Rcode = dns.RcodeNameError
			continue
		}
		if q.Qtype != dns.TypeTXT {
			continue
		}
		for _, r := range recs {
			m.Answer = append(m.Answer, &dns.TXT{Hdr: dns.RR_Header{Name: q.Name, Rrtype: dns.TypeTXT, Class: dns.ClassINET, Ttl: 60}, Txt: []string{r}})
		}
	}
	s.mu.Unlock()
	_ = w.WriteMsg(m)
}
