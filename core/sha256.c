/* sha256.c: SHA-256 with the processor's SHA instructions (x86-64 SHA extensions), where it has them. */
#include "core.h"

#include <stdint.h>
#include <string.h>

/*
 * The claim ids hash every sentence that holds a figure (claimid.c); GLib's portable SHA-256 took
 * a twentieth of extract's time on real text. The SHA extensions do two rounds an instruction.
 * The message schedule and the rounds follow FIPS 180-4: the state is kept as the instructions
 * want it, ABEF and CDGH; each group of four rounds adds K to four message words, and the next
 * group of words is sha256msg1 (σ0 and W[t-16]), the words of seven back (alignr) and sha256msg2
 * (σ1). kz_sha256_hw answers 0 where the instructions are missing (or on another processor
 * family); the caller then hashes as before.
 */

#if defined(__x86_64__) && defined(__GNUC__)
#include <cpuid.h>
#include <immintrin.h>

static const uint32_t K[64] = {
	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
	0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
	0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
	0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
	0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
	0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
	0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
	0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

/* abef, cdgh: the state; n blocks of 64 bytes at p. */
__attribute__((target("sha,sse4.1,ssse3"))) static void blocks(__m128i *abef, __m128i *cdgh,
								const unsigned char *p, size_t n)
{
	/* big-endian words to the lanes' order */
	const __m128i swap = _mm_set_epi64x(0x0c0d0e0f08090a0bLL, 0x0405060700010203LL);

	for (; n > 0; n--, p += 64) {
		__m128i s0 = *abef, s1 = *cdgh, w[4];
		for (int g = 0; g < 4; g++)
			w[g] = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(const void *)(p + 16 * g)), swap);
		for (int g = 0; g < 16; g++) {
			__m128i wk = _mm_add_epi32(w[g & 3], _mm_loadu_si128((const __m128i *)(const void *)&K[4 * g]));
			s1 = _mm_sha256rnds2_epu32(s1, s0, wk); /* rounds 4g, 4g+1: s1 is ABEF now */
			wk = _mm_shuffle_epi32(wk, 0x0E);
			s0 = _mm_sha256rnds2_epu32(s0, s1, wk); /* rounds 4g+2, 4g+3: s0 ABEF, s1 CDGH */
			if (g < 12) {
				/* words 4(g+4) …: W[t-16] + σ0(W[t-15]), + W[t-7], + σ1(W[t-2]) */
				__m128i t = _mm_sha256msg1_epu32(w[g & 3], w[(g + 1) & 3]);
				t = _mm_add_epi32(t, _mm_alignr_epi8(w[(g + 3) & 3], w[(g + 2) & 3], 4));
				w[g & 3] = _mm_sha256msg2_epu32(t, w[(g + 3) & 3]);
			}
		}
		*abef = _mm_add_epi32(*abef, s0);
		*cdgh = _mm_add_epi32(*cdgh, s1);
	}
}

__attribute__((target("sha,sse4.1,ssse3"))) static void digest(const unsigned char *data, size_t len,
								unsigned char out[32])
{
	static const uint32_t iv[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
				       0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
	unsigned char tail[128];
	size_t full = len / 64, rest = len % 64, tn = rest + 9 <= 64 ? 64 : 128;
	uint64_t bits = (uint64_t)len * 8;
	__m128i dcba = _mm_loadu_si128((const __m128i *)(const void *)&iv[0]);
	__m128i hgfe = _mm_loadu_si128((const __m128i *)(const void *)&iv[4]);
	__m128i abef, cdgh, t;
	uint32_t h[8];

	/* the lanes as the rounds want them: ABEF and CDGH */
	t = _mm_shuffle_epi32(dcba, 0xB1);  /* CDAB */
	hgfe = _mm_shuffle_epi32(hgfe, 0x1B); /* EFGH */
	abef = _mm_alignr_epi8(t, hgfe, 8);
	cdgh = _mm_blend_epi16(hgfe, t, 0xF0);
	blocks(&abef, &cdgh, data, full);
	/* the last bytes, 0x80, zeros and the length in bits, big-endian */
	memset(tail, 0, tn);
	if (rest)
		memcpy(tail, data + 64 * full, rest);
	tail[rest] = 0x80;
	for (int i = 0; i < 8; i++)
		tail[tn - 1 - i] = (unsigned char)(bits >> (8 * i));
	blocks(&abef, &cdgh, tail, tn / 64);
	/* back to A … H */
	t = _mm_shuffle_epi32(abef, 0x1B);   /* FEBA */
	cdgh = _mm_shuffle_epi32(cdgh, 0xB1); /* DCHG */
	_mm_storeu_si128((__m128i *)(void *)&h[0], _mm_blend_epi16(t, cdgh, 0xF0)); /* DCBA */
	_mm_storeu_si128((__m128i *)(void *)&h[4], _mm_alignr_epi8(cdgh, t, 8));    /* HGFE */
	for (int i = 0; i < 8; i++) {
		out[4 * i] = (unsigned char)(h[i] >> 24);
		out[4 * i + 1] = (unsigned char)(h[i] >> 16);
		out[4 * i + 2] = (unsigned char)(h[i] >> 8);
		out[4 * i + 3] = (unsigned char)h[i];
	}
}

/* Has the processor SHA, SSE4.1 and SSSE3? Asked once (two threads at once both ask). */
static int have_sha(void)
{
	static int known = -1;
	int k = __atomic_load_n(&known, __ATOMIC_RELAXED);

	if (k < 0) {
		unsigned a, b, c, d;
		int sse = __get_cpuid(1, &a, &b, &c, &d) && (c & bit_SSE4_1) && (c & bit_SSSE3);
		k = sse && __get_cpuid_count(7, 0, &a, &b, &c, &d) && (b & bit_SHA) ? 1 : 0;
		__atomic_store_n(&known, k, __ATOMIC_RELAXED);
	}
	return k;
}

int kz_sha256_hw(const void *data, size_t len, unsigned char out[32])
{
	if (!have_sha())
		return 0;
	digest(data, len, out);
	return 1;
}

#else

int kz_sha256_hw(const void *data, size_t len, unsigned char out[32])
{
	(void)data;
	(void)len;
	(void)out;
	return 0;
}

#endif
