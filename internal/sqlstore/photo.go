package sqlstore

import (
	"database/sql"
	"errors"

	"github.com/atriumhq/atrium/internal/directory"
)

func (t *tx) PutPhotos(userID string, photos []directory.Photo) error {
	if _, err := t.exec("DELETE FROM user_photos WHERE tenant_id = $1 AND user_id = $2", userID); err != nil {
		return err
	}
	for _, p := range photos {
		if _, err := t.exec(`INSERT INTO user_photos (tenant_id, user_id, size, content_type, data, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6)`, userID, p.Size, p.ContentType, p.Data, micros(p.UpdatedAt)); err != nil {
			return err
		}
	}
	return nil
}

func (t *tx) GetPhoto(userID string, size int) (directory.Photo, error) {
	p := directory.Photo{Size: size}
	var updated int64
	err := t.queryRow("SELECT content_type, data, updated_at FROM user_photos WHERE tenant_id = $1 AND user_id = $2 AND size = $3",
		userID, size).Scan(&p.ContentType, &p.Data, &updated)
	if errors.Is(err, sql.ErrNoRows) {
		return p, &directory.Error{Kind: directory.KindNotFound, Message: "The user has no photo."}
	}
	p.UpdatedAt = fromMicros(updated)
	return p, err
}

func (t *tx) DeletePhotos(userID string) (bool, error) {
	res, err := t.exec("DELETE FROM user_photos WHERE tenant_id = $1 AND user_id = $2", userID)
	if err != nil {
		return false, err
	}
	n, err := res.RowsAffected()
	return n > 0, err
}
