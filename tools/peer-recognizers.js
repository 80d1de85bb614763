// peer-recognizers.js: the number-only parse of Microsoft Recognizers-Text (German culture) over
// the files given, one paragraph at a time, for make bench's throughput ratio. Prints
// "peer: BYTES bytes, NUMBERS numbers, SECONDS s". Needs @microsoft/recognizers-text-suite
// (tools/bench-scale.sh installs it into the bench folder when npm is there).
const fs = require('fs');
const R = require('@microsoft/recognizers-text-suite');

let bytes = 0, numbers = 0;
const texts = process.argv.slice(2).map((f) => fs.readFileSync(f, 'utf8'));
const t0 = process.hrtime.bigint();
for (const text of texts) {
	bytes += Buffer.byteLength(text, 'utf8');
	for (const para of text.split(/\n\s*\n|\n/)) {
		if (para.trim() === '')
			continue;
		numbers += R.recognizeNumber(para, R.Culture.German).length;
	}
}
const s = Number(process.hrtime.bigint() - t0) / 1e9;
console.log(`peer: ${bytes} bytes, ${numbers} numbers, ${s.toFixed(3)} s`);
