package survey

import (
	_ "github.com/makiuchi-d/gozxing"
	_ "github.com/skip2/go-qrcode"
)
