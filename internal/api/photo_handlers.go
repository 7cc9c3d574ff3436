package api

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"image"
	_ "image/jpeg" // stored photos are JPEG
	"io"
	"net/http"
	"strconv"
	"strings"

	"github.com/atriumhq/atrium/internal/directory"
)

// putMyPhoto takes the caller's photo as the raw body (Graph: PUT
// /me/photo/$value with Content-Type image/jpeg or image/png).
func (a *API) putMyPhoto(w http.ResponseWriter, r *http.Request) error {
	return a.putPhoto(w, r, principalFromCtx(r.Context()).UserID)
}

// putUserPhoto is Graph's PUT /users/{id}/photo/$value: allowed for the
// user's own account; the service refuses an admin's upload for someone
// else with the seed's rule.
func (a *API) putUserPhoto(w http.ResponseWriter, r *http.Request) error {
	u, err := a.dir.GetUser(r.Context(), tenantOf(r.Context()), r.PathValue("id"))
	if err != nil {
		return err
	}
	return a.putPhoto(w, r, u.ID)
}

func (a *API) putPhoto(w http.ResponseWriter, r *http.Request, userID string) error {
	ct := strings.TrimSpace(strings.Split(r.Header.Get("Content-Type"), ";")[0])
	if ct != "image/jpeg" && ct != "image/png" {
		return badRequest("Content-Type", "Content-Type must be image/jpeg or image/png for a photo.")
	}
	data, err := io.ReadAll(io.LimitReader(r.Body, directory.MaxPhotoBytes+1))
	if err != nil {
		return err
	}
	if err := a.dir.SetPhoto(r.Context(), tenantOf(r.Context()), userID, bytes.Clone(data)); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (a *API) deleteMyPhoto(w http.ResponseWriter, r *http.Request) error {
	if err := a.dir.DeletePhoto(r.Context(), tenantOf(r.Context()), principalFromCtx(r.Context()).UserID); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// photoSize reads the {size} path value ("648x648" or "96x96"), or the
// large size when the route has none.
func photoSize(r *http.Request) (int, error) {
	v := r.PathValue("size")
	if v == "" {
		return directory.PhotoLarge, nil
	}
	n, err := strconv.Atoi(strings.SplitN(v, "x", 2)[0])
	if err != nil || v != fmt.Sprintf("%dx%d", n, n) {
		return 0, badRequest("size", "Photo sizes are %dx%d and %dx%d.", directory.PhotoSmall, directory.PhotoSmall, directory.PhotoLarge, directory.PhotoLarge)
	}
	return n, nil
}

// photo reads the photo a route names: its owner ({id}, or the caller on
// /me) and its size.
func (a *API) photo(r *http.Request) (directory.Photo, error) {
	size, err := photoSize(r)
	if err != nil {
		return directory.Photo{}, err
	}
	return a.dir.GetPhoto(r.Context(), tenantOf(r.Context()), pathUser(r), size)
}

// pathUser is the user a route names: {id}, or the caller on /me.
func pathUser(r *http.Request) string {
	if id := r.PathValue("id"); id != "" {
		return id
	}
	return principalFromCtx(r.Context()).UserID
}

// photoValue serves the image bytes, with an ETag so that lists of users
// revalidate instead of downloading again.
func (a *API) photoValue(w http.ResponseWriter, r *http.Request) error {
	ph, err := a.photo(r)
	if err != nil {
		return err
	}
	sum := sha256.Sum256(ph.Data)
	etag := `"` + hex.EncodeToString(sum[:12]) + `"`
	h := w.Header()
	h.Set("ETag", etag)
	h.Set("Cache-Control", "private, no-cache")
	if r.Header.Get("If-None-Match") == etag {
		w.WriteHeader(http.StatusNotModified)
		return nil
	}
	h.Set("Content-Type", ph.ContentType)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Security-Policy", "default-src 'none'")
	_, err = w.Write(ph.Data)
	return err
}

// photoMeta answers Graph's profilePhoto: the id is the size, with the
// stored width and height.
func (a *API) photoMeta(w http.ResponseWriter, r *http.Request) error {
	ph, err := a.photo(r)
	if err != nil {
		return err
	}
	cfg, _, err := image.DecodeConfig(bytes.NewReader(ph.Data))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, map[string]any{"@odata.mediaContentType": ph.ContentType,
		"id": fmt.Sprintf("%dx%d", ph.Size, ph.Size), "width": cfg.Width, "height": cfg.Height})
	return nil
}
