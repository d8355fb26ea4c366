feed build posts --out site --config feed.json
