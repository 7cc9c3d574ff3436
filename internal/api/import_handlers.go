package api

import (
	"encoding/csv"
	"errors"
	"io"
	"mime/multipart"
	"net/http"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/atriumhq/atrium/internal/directory"
)

// importJSON renders an import for the API, with up to 100 of its problems.
func (a *API) importJSON(imp *directory.Import, problems []directory.ImportProblem) map[string]any {
	rate := 0.0
	if !imp.StartedAt.IsZero() {
		end := imp.FinishedAt
		if end.IsZero() {
			end = time.Now()
		}
		if secs := end.Sub(imp.StartedAt).Seconds(); secs > 0 {
			rate = float64(imp.Done) / secs
		}
	}
	skus := imp.Options.SkuIDs
	if skus == nil {
		skus = []string{}
	}
	out := map[string]any{"id": imp.ID, "fileName": imp.FileName, "format": imp.Format, "status": imp.Status,
		"createdDateTime": timeOrNull(imp.CreatedAt), "startedDateTime": timeOrNull(imp.StartedAt), "finishedDateTime": timeOrNull(imp.FinishedAt),
		"total": imp.Total, "valid": imp.Valid(), "invalid": imp.Invalid, "done": imp.Done, "created": imp.Created, "failed": imp.Failed,
		"ratePerSecond": float64(int(rate*10)) / 10, "problemCount": imp.Invalid, "error": nil,
		"options": map[string]any{"accountEnabled": imp.Options.AccountEnabled, "usageLocation": imp.Options.UsageLocation, "skuIds": skus,
			"credentials": imp.Options.Credentials, "skipInvalidRows": imp.Options.SkipInvalidRows}}
	if imp.Error != "" {
		out["error"] = imp.Error
	}
	if problems != nil {
		out["problems"] = problems
	}
	return out
}

// createImport streams the multipart upload: the file goes to a temporary
// file (at most directory.ImportMaxBytes), the options are small fields.
func (a *API) createImport(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	r.Body = http.MaxBytesReader(w, r.Body, directory.ImportMaxBytes+64<<10)
	mr, err := r.MultipartReader()
	if err != nil {
		return badRequest("file", "Send the file as multipart/form-data with a part named 'file'.")
	}
	opts := directory.ImportOptions{AccountEnabled: true}
	var spool *os.File
	var name string
	defer func() {
		if spool != nil {
			spool.Close()
			os.Remove(spool.Name())
		}
	}()
	for {
		part, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return tooLargeOr(err, badRequest("file", "The upload is not valid multipart/form-data."))
		}
		if part.FormName() == "file" {
			if spool != nil {
				return badRequest("file", "Send one file per import.")
			}
			if spool, err = os.CreateTemp("", "atrium-import-*.csv"); err != nil {
				return err
			}
			name = part.FileName()
			n, err := io.Copy(spool, io.LimitReader(part, directory.ImportMaxBytes+1))
			if err != nil {
				return tooLargeOr(err, err)
			}
			if n > directory.ImportMaxBytes {
				return &httpError{status: http.StatusRequestEntityTooLarge, code: "Request_EntityTooLarge",
					message: "The file is larger than " + strconv.Itoa(directory.ImportMaxBytes>>20) + " MB; split it into several files.", target: "file"}
			}
			continue
		}
		if err := importOption(&opts, part); err != nil {
			return err
		}
	}
	if spool == nil {
		return badRequest("file", "The part 'file' with the CSV file is missing.")
	}
	open := func() (io.ReadCloser, error) { return os.Open(spool.Name()) }
	imp, err := a.dir.CreateImport(ctx, tenantOf(ctx), name, open, opts)
	if err != nil {
		return err
	}
	problems, err := a.dir.ImportProblems(ctx, tenantOf(ctx), imp.ID, 100)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusAccepted, a.importJSON(&imp, problems))
	return nil
}

// importOption reads one small form field of an upload.
func importOption(o *directory.ImportOptions, part *multipart.Part) error {
	b, err := io.ReadAll(io.LimitReader(part, 4<<10))
	if err != nil {
		return err
	}
	v := strings.TrimSpace(string(b))
	field := part.FormName()
	boolean := func(dst *bool) error {
		parsed, err := strconv.ParseBool(v)
		if err != nil {
			return badRequest(field, "'%s' must be true or false.", field)
		}
		*dst = parsed
		return nil
	}
	switch field {
	case "accountEnabled":
		return boolean(&o.AccountEnabled)
	case "autoStart":
		return boolean(&o.AutoStart)
	case "skipInvalidRows":
		return boolean(&o.SkipInvalidRows)
	case "usageLocation":
		o.UsageLocation = v
	case "credentials":
		o.Credentials = v
	case "skuIds":
		for _, id := range strings.Split(v, ",") {
			if id = strings.TrimSpace(id); id != "" {
				o.SkuIDs = append(o.SkuIDs, id)
			}
		}
	default:
		return badRequest(field, "'%s' is not a field of an import.", field)
	}
	return nil
}

// tooLargeOr answers 413 when the body limit was hit, else err.
func tooLargeOr(err, other error) error {
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return err
	}
	return other
}

func (a *API) getImport(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	imp, err := a.dir.GetImport(ctx, tenantOf(ctx), r.PathValue("id"))
	if err != nil {
		return err
	}
	problems, err := a.dir.ImportProblems(ctx, tenantOf(ctx), imp.ID, 100)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, a.importJSON(&imp, problems))
	return nil
}

func (a *API) listImports(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	list, err := a.dir.ListImports(ctx, tenantOf(ctx))
	if err != nil {
		return err
	}
	out := make([]map[string]any, len(list))
	for i := range list {
		out[i] = a.importJSON(&list[i], nil)
	}
	writeJSON(w, http.StatusOK, map[string]any{"value": out})
	return nil
}

func (a *API) startImport(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	var req struct {
		AccountEnabled  *bool    `json:"accountEnabled"`
		UsageLocation   string   `json:"usageLocation"`
		SkuIDs          []string `json:"skuIds"`
		Credentials     string   `json:"credentials"`
		SkipInvalidRows bool     `json:"skipInvalidRows"`
	}
	if err := readInto(w, r, "import", &req); err != nil {
		return err
	}
	opts := directory.ImportOptions{AccountEnabled: req.AccountEnabled == nil || *req.AccountEnabled, UsageLocation: req.UsageLocation,
		SkuIDs: req.SkuIDs, Credentials: req.Credentials, SkipInvalidRows: req.SkipInvalidRows}
	imp, err := a.dir.StartImport(ctx, tenantOf(ctx), r.PathValue("id"), opts)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusAccepted, a.importJSON(&imp, nil))
	return nil
}

// importTemplate is the admin center's template with an example row.
func (a *API) importTemplate(w http.ResponseWriter, _ *http.Request) error {
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="users-template.csv"`)
	cw := csv.NewWriter(w)
	_ = cw.Write(directory.ImportTemplate)
	_ = cw.Write([]string{"chris@contoso.com", "Chris", "Green", "Chris Green", "IT Manager", "Information Technology", "123451",
		"123-555-1211", "123-555-6641", "123-555-9821", "chris.green@example.com", "1 Microsoft way", "Redmond", "Wa", "98052", "United States"})
	cw.Flush()
	return cw.Error()
}

// writeCSV starts a CSV download named name.
func writeCSV(w http.ResponseWriter, name string) *csv.Writer {
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
	w.Header().Set("Cache-Control", "no-store")
	return csv.NewWriter(w)
}

func (a *API) importProblems(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	if _, err := a.dir.GetImport(ctx, tenantOf(ctx), r.PathValue("id")); err != nil {
		return err
	}
	cw := writeCSV(w, "import-problems.csv")
	_ = cw.Write([]string{"Row", "Column", "Problem"})
	err := a.dir.ImportRows(ctx, tenantOf(ctx), r.PathValue("id"), func(_ directory.Import, row directory.ImportRow) error {
		for _, p := range row.Problems {
			_ = cw.Write([]string{strconv.Itoa(row.Line), p.Column, csvSafe(p.Message)})
		}
		return nil
	})
	cw.Flush()
	return errors.Join(err, cw.Error())
}

func (a *API) importResults(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	if _, err := a.dir.GetImport(ctx, tenantOf(ctx), r.PathValue("id")); err != nil {
		return err
	}
	cw := writeCSV(w, "import-results.csv")
	_ = cw.Write([]string{"Row", "User Name", "Display Name", "Result", "Temporary password", "Set-password link", "Reason"})
	err := a.dir.ImportRows(ctx, tenantOf(ctx), r.PathValue("id"), func(imp directory.Import, row directory.ImportRow) error {
		pw, link := a.importCredentials(row)
		var reasons []string
		for _, p := range row.Problems {
			reasons = append(reasons, strings.TrimSpace(p.Column+": "+p.Message))
		}
		_ = cw.Write([]string{strconv.Itoa(row.Line), csvSafe(row.UserName()), csvSafe(row.DisplayName()), rowResult(imp, row), pw, link,
			csvSafe(strings.Join(reasons, " "))})
		return nil
	})
	cw.Flush()
	return errors.Join(err, cw.Error())
}

// importCredentials splits a created row's secret into its temporary
// password or its set-password link.
func (a *API) importCredentials(row directory.ImportRow) (string, string) {
	if pw, ok := strings.CutPrefix(row.Secret, "password:"); ok {
		return pw, ""
	}
	if token, ok := strings.CutPrefix(row.Secret, "link:"); ok {
		return "", a.passwordLinkURL(token)
	}
	return "", ""
}

func rowResult(imp directory.Import, row directory.ImportRow) string {
	switch row.Status {
	case directory.RowCreated:
		return "Created"
	case directory.RowFailed:
		return "Failed"
	case directory.RowInvalid:
		if imp.Status == directory.ImportAwaiting {
			return "Invalid"
		}
		return "Skipped"
	}
	return "Pending"
}
