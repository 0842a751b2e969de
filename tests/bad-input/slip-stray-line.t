# A line of text without quotes or keyword (pasted in the wrong place).
traduki check slip-stray-line.po
