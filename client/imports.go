package client

import (
	"context"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"time"
)

// Import is a bulk user import (GET /api/imports/{id}).
type Import struct {
	ID               string          `json:"id"`
	FileName         string          `json:"fileName"`
	Format           string          `json:"format"`
	Status           string          `json:"status"` // validating, awaitingConfirmation, running, completed, failed
	CreatedDateTime  time.Time       `json:"createdDateTime"`
	StartedDateTime  *time.Time      `json:"startedDateTime"`
	FinishedDateTime *time.Time      `json:"finishedDateTime"`
	Total            int             `json:"total"`
	Valid            int             `json:"valid"`
	Invalid          int             `json:"invalid"`
	Done             int             `json:"done"`
	Created          int             `json:"created"`
	Failed           int             `json:"failed"`
	RatePerSecond    float64         `json:"ratePerSecond"`
	Problems         []ImportProblem `json:"problems"`
	ProblemCount     int             `json:"problemCount"`
	Error            *string         `json:"error"`
}

// ImportProblem is a problem of one row of an import file.
type ImportProblem struct {
	Row     int    `json:"row"`
	Column  string `json:"column"`
	Message string `json:"message"`
}

// ImportOptions are the choices for every row of an import.
type ImportOptions struct {
	AccountEnabled  bool     `json:"accountEnabled"`
	UsageLocation   string   `json:"usageLocation,omitempty"`
	SkuIDs          []string `json:"skuIds,omitempty"`
	Credentials     string   `json:"credentials,omitempty"` // link (default) or password
	SkipInvalidRows bool     `json:"skipInvalidRows"`
}

// UploadImport streams a CSV file to POST /api/imports; the server checks
// every row before answering.
func (c *Client) UploadImport(ctx context.Context, file io.Reader, fileName string) (Import, error) {
	pr, pw := io.Pipe()
	mw := multipart.NewWriter(pw)
	go func() {
		fw, err := mw.CreateFormFile("file", fileName)
		if err == nil {
			_, err = io.Copy(fw, file)
		}
		if err == nil {
			err = mw.Close()
		}
		pw.CloseWithError(err)
	}()
	var imp Import
	resp, err := c.raw(ctx, http.MethodPost, "/api/imports", mw.FormDataContentType(), pr)
	if err != nil {
		pr.Close()
		return imp, err
	}
	defer resp.Body.Close()
	return imp, json.NewDecoder(resp.Body).Decode(&imp)
}

// GetImport returns an import with up to 100 of its problems.
func (c *Client) GetImport(ctx context.Context, id string) (Import, error) {
	var imp Import
	err := c.Do(ctx, http.MethodGet, "/api/imports/"+id, nil, nil, nil, &imp)
	return imp, err
}

// StartImport starts creating the users of an import.
func (c *Client) StartImport(ctx context.Context, id string, o ImportOptions) (Import, error) {
	var imp Import
	err := c.Do(ctx, http.MethodPost, "/api/imports/"+id+"/start", nil, nil, o, &imp)
	return imp, err
}

// ImportDownload copies an import's CSV (results or problems) to w.
func (c *Client) ImportDownload(ctx context.Context, id, what string, w io.Writer) error {
	resp, err := c.raw(ctx, http.MethodGet, "/api/imports/"+id+"/"+what, "", nil)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	_, err = io.Copy(w, resp.Body)
	return err
}

// raw sends a request with a streamed body and returns the response of a
// success; an error status becomes an *Error.
func (c *Client) raw(ctx context.Context, method, path, contentType string, body io.Reader) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, method, c.BaseURL+path, body)
	if err != nil {
		return nil, err
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	if c.Token != "" {
		req.Header.Set("Authorization", "Bearer "+c.Token)
	}
	hc := c.HTTP
	if hc == nil {
		hc = http.DefaultClient
	}
	resp, err := hc.Do(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode < 400 {
		return resp, nil
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	return nil, errorOf(resp.StatusCode, data)
}

// ExportUsers copies the CSV export of all users, or of a saved view when
// viewID is set, to w.
func (c *Client) ExportUsers(ctx context.Context, viewID string, w io.Writer) error {
	path := "/api/users/export"
	if viewID != "" {
		path += "?viewId=" + url.QueryEscape(viewID)
	}
	resp, err := c.raw(ctx, http.MethodGet, path, "", nil)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	_, err = io.Copy(w, resp.Body)
	return err
}
