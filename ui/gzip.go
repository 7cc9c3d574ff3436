package ui

import (
	"bytes"
	"compress/gzip"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"
	"sync"
)

// compressible are the asset types worth compressing (images and fonts
// of the app are already compressed or tiny).
var compressible = map[string]bool{".js": true, ".css": true, ".svg": true, ".json": true, ".html": true, ".map": true}

// gzipCache holds each embedded asset gzipped once, on its first request:
// the files never change while the process runs.
type gzipCache struct {
	files fs.FS
	mu    sync.Mutex
	done  map[string][]byte // nil value: not worth compressing
}

// acceptsGzip reports whether the client takes gzip (a plain token check:
// browsers send "gzip, deflate, br, zstd").
func acceptsGzip(r *http.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if strings.EqualFold(strings.TrimSpace(name), "gzip") && strings.ReplaceAll(params, " ", "") != "q=0" {
			return true
		}
	}
	return false
}

// serve answers with the gzipped asset and reports true, or reports false
// when the asset should go out as it is.
func (c *gzipCache) serve(w http.ResponseWriter, r *http.Request, name string) bool {
	ext := path.Ext(name)
	if !compressible[ext] {
		return false
	}
	w.Header().Add("Vary", "Accept-Encoding")
	if !acceptsGzip(r) {
		return false
	}
	data := c.get(name)
	if data == nil {
		return false
	}
	h := w.Header()
	h.Set("Content-Encoding", "gzip")
	h.Set("Content-Type", mime.TypeByExtension(ext))
	h.Set("Content-Length", strconv.Itoa(len(data)))
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		_, _ = w.Write(data)
	}
	return true
}

func (c *gzipCache) get(name string) []byte {
	c.mu.Lock()
	defer c.mu.Unlock()
	if data, ok := c.done[name]; ok {
		return data
	}
	raw, err := fs.ReadFile(c.files, name)
	var out []byte
	if err == nil && len(raw) >= 1024 {
		var buf bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
		_, _ = zw.Write(raw)
		if zw.Close() == nil && buf.Len() < len(raw) {
			out = buf.Bytes()
		}
	}
	c.done[name] = out
	return out
}
