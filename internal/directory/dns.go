package directory

import (
	"errors"
	"net"
)

// isNotFoundDNS reports whether err says the name or record does not exist,
// as opposed to a failed lookup.
func isNotFoundDNS(err error) bool {
	var de *net.DNSError
	return errors.As(err, &de) && de.IsNotFound
}
