/* gencorpus.c: a deterministic generator of German security-policy text for benchmarks (make bench). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned long long state = 0x9E3779B97F4A7C15ULL;

static unsigned rnd(unsigned n)
{
	state ^= state << 13;
	state ^= state >> 7;
	state ^= state << 17;
	return (unsigned)(state % n);
}

static const char *const countries[] = {"Japan", "Südkorea", "Deutschland", "Polen", "Taiwan", "Australien"};
static const char *const gen[] = {"Japans", "Südkoreas", "Deutschlands", "Polens", "Taiwans", "Australiens"};
static const char *const quals[] = {"", "etwa ", "rund ", "circa ", "knapp ", "gut ", "mehr als ", "bis zu ", "fast "};
static const char *const cur[] = {"Milliarden Dollar", "Mrd. Euro", "Billionen Won", "Billionen Yen", "Mio. US-Dollar"};

static void num(char *b, size_t n, unsigned v)
{
	if (v >= 1000)
		snprintf(b, n, "%u.%03u", v / 1000, v % 1000);
	else
		snprintf(b, n, "%u", v);
}

static const char *const prose[] = {
	"Die Bündnisbeziehungen haben sich angesichts grundlegender sicherheitspolitischer Veränderungen als bemerkenswert stabil erwiesen, auch wenn die Prioritäten der Partner nicht immer übereinstimmen. ",
	"Washington betrachtet die Allianzen zunehmend als Instrument im strategischen Wettbewerb, während Tokio und Seoul vor allem die Bedrohung durch Nordkorea im Blick behalten. ",
	"Nach Einschätzung von Fachleuten dürfte die Debatte über die Lastenteilung auch unter der neuen Regierung nicht verstummen, zumal der Kongress die Ausgaben genau verfolgt. ",
	"Die trilaterale Zusammenarbeit wird durch das historisch belastete Verhältnis der beiden asiatischen Nachbarn erschwert, obwohl gemeinsame Übungen regelmäßig stattfinden. ",
	"In den Hauptstädten genießen die Bündnisse breite innenpolitische Unterstützung; Kritiker warnen jedoch vor einer zu engen Bindung an die amerikanische Chinapolitik. ",
	"Die wirtschaftliche Verflechtung mit China setzt der sicherheitspolitischen Abstimmung Grenzen, wie die Sanktionen nach der Stationierung des Raketenabwehrsystems THAAD gezeigt haben. ",
	"Beobachter verweisen darauf, dass die Modernisierung der Streitkräfte Zeit braucht und dass Beschaffungsvorhaben häufig langwierigen parlamentarischen Verfahren unterliegen. ",
	"Die Regierung kündigte an, den Dialog mit den Partnern in Europa zu vertiefen, etwa bei der Cyberabwehr, der Bekämpfung von Desinformation und der künstlichen Intelligenz. ",
};

/* One paragraph of 4–7 sentences: mostly prose, now and then a figure (about one claim per 1,5 KB, as in the seeds). */
static void paragraph(FILE *f)
{
	int k = 4 + (int)rnd(4);
	char a[32];

	for (int i = 0; i < k; i++) {
		int c = (int)rnd(6), y = 2000 + (int)rnd(26);
		if (rnd(10) < 8) {
			fputs(prose[rnd(8)], f);
			continue;
		}
		switch (rnd(8)) {
		case 0:
			num(a, sizeof(a), 1000 + rnd(60000));
			fprintf(f, "Die USA hatten %d %s%s Soldaten in %s stationiert, wie das Pentagon mitteilte. ", y,
				quals[rnd(9)], a, countries[c]);
			break;
		case 1:
			fprintf(f, "Im Jahr %d entfielen %s%u,%u Prozent des Exports %s auf China. ", y, quals[rnd(9)],
				rnd(40), rnd(10), gen[c]);
			break;
		case 2:
			fprintf(f, "Der Verteidigungshaushalt %s lag %d bei %u,%u %s (%u,%u Milliarden Euro). ", gen[c], y,
				1 + rnd(90), rnd(10), cur[rnd(5)], 1 + rnd(90), rnd(10));
			break;
		case 3:
			fprintf(f, "Damit deckte %s im Fiskaljahr %d %s%u Prozent der Stationierungskosten. ", countries[c], y,
				quals[rnd(9)], 10 + rnd(80));
			break;
		case 4:
			fprintf(f, "Die Ausgaben entsprachen %d zwischen %u,%u und %u,%u Prozent des BIP. ", y, 1 + rnd(2),
				rnd(10), 3, rnd(10));
			break;
		case 5:
			fprintf(f, "Beobachter in %s verweisen auf die strategische Lage, die sich seit dem %u. März %d "
				   "deutlich verändert habe, und auf Gespräche in Washington (vgl. S. %u). ",
				countries[c], 1 + rnd(28), y, 1 + rnd(200));
			break;
		case 6:
			fprintf(f, "Die Regierung kündigte an, die Zahl der F-35 bis %d zu verdoppeln, während Experten "
				   "von einer langfristigen Modernisierung der Allianz sprechen.%u ", y, 1 + rnd(300));
			break;
		default:
			fprintf(f, "Die Zusammenarbeit reicht bis in die frühen 2000er Jahre zurück und wurde seitdem "
				   "in mehreren Abkommen vertieft, zuletzt im Rahmen eines Partnerschaftsprogramms. ");
			break;
		}
	}
	fputs("\n\n", f);
}

int main(int argc, char **argv)
{
	long total, per, written = 0;
	int files, i;

	if (argc < 3) {
		fprintf(stderr, "usage: gencorpus DIR MEGABYTES [FILES]\n");
		return 2;
	}
	total = atol(argv[2]) * 1000000L;
	files = argc > 3 ? atoi(argv[3]) : 50;
	per = total / files;
	for (i = 0; i < files; i++) {
		char path[4096];
		FILE *f;
		snprintf(path, sizeof(path), "%s/doc%04d.txt", argv[1], i);
		f = fopen(path, "w");
		if (!f) {
			perror(path);
			return 4;
		}
		fprintf(f, "Seoul, %u. Januar %d (dpa) – Bericht %d\n\n", 1 + rnd(28), 2015 + (int)rnd(10), i);
		while (ftell(f) < per)
			paragraph(f);
		written += ftell(f);
		fclose(f);
	}
	printf("%ld\n", written);
	return 0;
}
