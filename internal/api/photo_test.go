package api_test

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"strings"
	"testing"
)

// testPNG encodes a w×h PNG whose left half is red and right half
// transparent.
func testPNG(t *testing.T, w, h int) []byte {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for x := 0; x < w/2; x++ {
		for y := 0; y < h; y++ {
			img.Set(x, y, color.NRGBA{R: 255, A: 255})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// bombPNG is a tiny PNG whose header claims w×h pixels.
func bombPNG(t *testing.T, w, h uint32) []byte {
	b := testPNG(t, 2, 2)
	binary.BigEndian.PutUint32(b[16:], w)
	binary.BigEndian.PutUint32(b[20:], h)
	binary.BigEndian.PutUint32(b[29:], crc32.ChecksumIEEE(b[12:29]))
	return b
}

func TestPhotos(t *testing.T) {
	h := newHarness(t)
	a, b := h.newTenant("alpha"), h.newTenant("beta")
	pic := testPNG(t, 800, 600)
	put := func(tok, path string, body []byte, ct string) response {
		return h.do(tok, "PUT", path, body, "Content-Type", ct)
	}

	// Only the user sets their own photo (seed 004).
	h.want(put("", "/v1.0/me/photo/$value", pic, "image/png"), 401, "InvalidAuthenticationToken")
	r := put(a.adminTok, "/v1.0/users/"+a.memberID+"/photo/$value", pic, "image/png")
	h.want(r, 403, "Authorization_RequestDenied")
	if !strings.Contains(r.errMessage(), "Only the user") {
		t.Errorf("refusal: %s", r.raw)
	}
	h.want(h.do(a.memberTok, "GET", "/v1.0/me/photo/$value", nil), 404, "")
	h.want(put(a.memberTok, "/v1.0/me/photo/$value", pic, "image/png"), 204, "")
	h.wantAuditBy(a, "Update user photo", a.memberID)
	h.want(put(a.memberTok, "/v1.0/users/"+a.memberID+"/photo/$value", pic, "image/png"), 204, "")

	// Stored as a JPEG square, no larger than the upload.
	got := h.do(a.adminTok, "GET", "/v1.0/users/"+a.memberID+"/photo/$value", nil)
	h.want(got, 200, "")
	img, err := jpeg.Decode(bytes.NewReader(got.raw))
	if err != nil || got.header.Get("Content-Type") != "image/jpeg" || img.Bounds().Dx() != 600 || img.Bounds().Dy() != 600 {
		t.Fatalf("large photo: %v %s %v", err, got.header.Get("Content-Type"), img)
	}
	// The centre crop keeps the red left half on the left, flattened on white at the right.
	if r, g, _, _ := img.At(150, 300).RGBA(); r>>8 < 200 || g>>8 > 60 {
		t.Errorf("left of the crop is not red: %v", img.At(150, 300))
	}
	if r, g, bl, _ := img.At(500, 300).RGBA(); r>>8 < 200 || g>>8 < 200 || bl>>8 < 200 {
		t.Errorf("transparent right half is not white: %v", img.At(500, 300))
	}
	etag := got.header.Get("ETag")
	h.want(h.do(a.adminTok, "GET", "/v1.0/users/"+a.memberID+"/photo/$value", nil, "If-None-Match", etag), 304, "")
	small := h.do(a.adminTok, "GET", "/v1.0/users/member@"+a.domain+"/photos/96x96/$value", nil)
	h.want(small, 200, "")
	if cfg, err := jpeg.DecodeConfig(bytes.NewReader(small.raw)); err != nil || cfg.Width != 96 || cfg.Height != 96 {
		t.Errorf("small photo: %+v %v", cfg, err)
	}
	meta := h.do(a.memberTok, "GET", "/v1.0/me/photo", nil)
	if meta.status != 200 || meta.body["id"] != "648x648" || meta.body["width"] != float64(600) {
		t.Errorf("photo metadata: %s", meta.raw)
	}
	h.want(h.do(a.adminTok, "GET", "/v1.0/users/"+a.memberID+"/photos/50x50/$value", nil), 400, "Request_BadRequest")
	// Another tenant doesn't learn about the user.
	h.want(h.do(b.adminTok, "GET", "/v1.0/users/"+a.memberID+"/photo/$value", nil), 404, "Request_ResourceNotFound")

	// Bad uploads are refused, naming the problem, and keep the photo.
	for _, c := range []struct {
		body []byte
		ct   string
		want string
	}{
		{pic, "text/plain", "Content-Type"},
		{[]byte("not an image"), "image/png", "JPEG or PNG"},
		{append([]byte("\x89PNG\r\n\x1a\n"), 1, 2, 3), "image/png", "can't be read"},
		{bombPNG(t, 20000, 20000), "image/png", "megapixels"},
		{make([]byte, 4<<20+1), "image/jpeg", "at most 4 MB"},
		{nil, "image/jpeg", "empty"},
	} {
		r := put(a.memberTok, "/v1.0/me/photo/$value", c.body, c.ct)
		if r.status != 400 || !strings.Contains(r.errMessage(), c.want) {
			t.Errorf("upload %q (%d bytes): %d %s", c.ct, len(c.body), r.status, r.raw)
		}
	}
	h.want(h.do(a.adminTok, "GET", "/v1.0/users/"+a.memberID+"/photo/$value", nil, "If-None-Match", etag), 304, "")

	h.want(h.do(a.memberTok, "DELETE", "/v1.0/me/photo", nil), 204, "")
	h.wantAuditBy(a, "Delete user photo", a.memberID)
	h.want(h.do(a.memberTok, "GET", "/v1.0/me/photo/$value", nil), 404, "Request_ResourceNotFound")
	h.want(h.do(a.memberTok, "DELETE", "/v1.0/me/photo", nil), 404, "Request_ResourceNotFound")
}
