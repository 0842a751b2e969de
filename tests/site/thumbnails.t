# tools/thumbnails: a version of each JPEG, PNG or WebP for each width
# narrower than the picture, named with its width (2000 is wider than
# them: none); an SVG is left alone.  Run again, it keeps what is current
# and removes the versions of a picture gone or of a width no longer asked.
{ command -v identify && identify -version | grep -q ImageMagick; } >/dev/null 2>&1 || skip "no ImageMagick"
mkdir -p "$tmp/images" && cp images/* "$tmp/images/" &&
"$top_srcdir/tools/thumbnails" "$tmp/images" "$tmp/thumbs" 400 800 2000 &&
(cd "$tmp/thumbs" && identify -format '%f %wx%h\n' * | LC_ALL=C sort) &&
rm "$tmp/images/IMG_0664.jpg" &&
"$top_srcdir/tools/thumbnails" "$tmp/images" "$tmp/thumbs" 400 &&
ls -A "$tmp/thumbs"
