package directory

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	_ "image/png" // photos may be uploaded as PNG

	xdraw "golang.org/x/image/draw"
)

// maxPhotoPixels bounds the decoded size of an upload, so that a small,
// highly compressed file can't make the server allocate gigabytes.
const maxPhotoPixels = 40_000_000

// photoSizes checks an uploaded photo and renders the stored sizes: the
// centred square of the image, scaled down (never up) to PhotoLarge and
// PhotoSmall, as JPEG on white (PNG transparency is flattened).
func photoSizes(data []byte) ([]Photo, error) {
	if len(data) == 0 {
		return nil, Invalid("photo", "The photo is empty.")
	}
	if len(data) > MaxPhotoBytes {
		return nil, Invalid("photo", "The photo can be at most %d MB.", MaxPhotoBytes>>20)
	}
	if logoType(data) == "" {
		return nil, Invalid("photo", "The photo must be a JPEG or PNG image.")
	}
	cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return nil, Invalid("photo", "The photo can't be read as an image.")
	}
	if cfg.Width <= 0 || cfg.Height <= 0 || cfg.Width*cfg.Height > maxPhotoPixels {
		return nil, Invalid("photo", "The photo can be at most %d megapixels.", maxPhotoPixels/1_000_000)
	}
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, Invalid("photo", "The photo can't be read as an image.")
	}
	side := min(img.Bounds().Dx(), img.Bounds().Dy())
	x0 := img.Bounds().Min.X + (img.Bounds().Dx()-side)/2
	y0 := img.Bounds().Min.Y + (img.Bounds().Dy()-side)/2
	square := image.Rect(x0, y0, x0+side, y0+side)
	var out []Photo
	for _, size := range []int{PhotoLarge, PhotoSmall} {
		n := min(size, side)
		dst := image.NewRGBA(image.Rect(0, 0, n, n))
		xdraw.Draw(dst, dst.Bounds(), &image.Uniform{C: color.White}, image.Point{}, xdraw.Src)
		xdraw.CatmullRom.Scale(dst, dst.Bounds(), img, square, xdraw.Over, nil)
		var buf bytes.Buffer
		if err := jpeg.Encode(&buf, dst, &jpeg.Options{Quality: 85}); err != nil {
			return nil, err
		}
		out = append(out, Photo{Size: size, ContentType: "image/jpeg", Data: buf.Bytes()})
	}
	return out, nil
}
