/*
 * A stand-in for a vendor's ID-card reader library, for tests only: it exports both common APIs, the 华视 CVR_*
 * family (libtermb.so) and the 神思 / 新中新 SDT_* family (sdtapi), over card data the test writes from the
 * simulator's profiles into the folder named by FAKE_READER_DIR:
 *
 *   card.bin   the 256-byte UCS-2LE text block (absent: no card on the reader)
 *   photo.wlt  the 1024-byte WLT photo
 *   fault      one word: none | no-device | sam-fault | read-failure | find-repeats
 *
 * Return codes follow the vendors' documentation: SDT_* return the SAM's SW3 byte (0x90 success, 0x9F find
 * success, 0x80 no card, 0x81 select failed, 0x41 read failed, 0x60 SAM self-test failed; 0x01 port open
 * failed); CVR_InitComm 1 ok / 2 port failed, CVR_Authenticate 1 ok / 2 find failed / 3 select failed /
 * 0 not initialised, CVR_Read_Content 1 ok / 0 failed. Like most modules, after a good read find fails while
 * the card stays (fault `find-repeats` gives the other behaviour). Built by the tests with gcc; never committed
 * as a binary.
 */
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int opened = 0;
static int read_since_placed = 0;
static long placed_stamp = -1;
static int last_auth = 0;
static unsigned char text[256];
static unsigned char photo[1024];

static const char *path_of(const char *name) {
  static char buf[4096];
  const char *dir = getenv("FAKE_READER_DIR");
  snprintf(buf, sizeof buf, "%s/%s", dir ? dir : ".", name);
  return buf;
}

static void fault(char *out, size_t n) {
  (void)n;
  FILE *f = fopen(path_of("fault"), "r");
  strcpy(out, "none");
  if (!f) return;
  if (fscanf(f, "%31s", out) != 1) strcpy(out, "none");
  fclose(f);
}

static int is_fault(const char *name) {
  char f[32];
  fault(f, sizeof f);
  return strcmp(f, name) == 0;
}

/* Whether a card lies on the reader; a card put down anew (a new file) may be found again. */
static int card_present(void) {
  FILE *f = fopen(path_of("card.bin"), "rb");
  if (!f) {
    read_since_placed = 0;
    placed_stamp = -1;
    return 0;
  }
  size_t got = fread(text, 1, sizeof text, f);
  fclose(f);
  FILE *s = fopen(path_of("placed"), "r");
  long stamp = 0;
  if (s) {
    if (fscanf(s, "%ld", &stamp) != 1) stamp = 0;
    fclose(s);
  }
  if (stamp != placed_stamp) {
    placed_stamp = stamp;
    read_since_placed = 0;
  }
  return got == sizeof text;
}

static int load_photo(void) {
  FILE *f = fopen(path_of("photo.wlt"), "rb");
  if (!f) return 0;
  size_t got = fread(photo, 1, sizeof photo, f);
  fclose(f);
  return got == sizeof photo;
}

static int find_ok(void) {
  if (!card_present()) return 0;
  return !read_since_placed || is_fault("find-repeats");
}

/* ---- SDT_* (sdtapi) ---- */

int SDT_OpenPort(int port) {
  if (is_fault("no-device") || port < 1) return 0x01;
  opened = 1;
  return 0x90;
}

int SDT_ClosePort(int port) {
  (void)port;
  opened = 0;
  return 0x90;
}

int SDT_GetSAMStatus(int port, int if_open) {
  (void)port; (void)if_open;
  if (!opened) return 0x01;
  return is_fault("sam-fault") ? 0x60 : 0x90;
}

/* 16 raw bytes, the same as the SAM module's 12 FF reply: 05.01-20101129-0001228293-0296863149. */
int SDT_GetSAMID(int port, unsigned char *id, int if_open) {
  static const unsigned char sam[16] = {5, 0, 1, 0, 0x09, 0xb8, 0x32, 0x01, 0x05, 0xbe, 0x12, 0x00, 0xad, 0xc5, 0xb1, 0x11};
  (void)port; (void)if_open;
  if (!opened) return 0x01;
  memcpy(id, sam, sizeof sam);
  return 0x90;
}

int SDT_StartFindIDCard(int port, unsigned char *mana, int if_open) {
  (void)port; (void)if_open;
  if (!opened) return 0x01;
  if (is_fault("sam-fault")) return 0x60;
  if (mana) memset(mana, 0, 4);
  return find_ok() ? 0x9f : 0x80;
}

int SDT_SelectIDCard(int port, unsigned char *mana, int if_open) {
  (void)port; (void)if_open;
  if (!opened) return 0x01;
  if (mana) memset(mana, 0, 8);
  return card_present() ? 0x90 : 0x81;
}

int SDT_ReadBaseMsg(int port, unsigned char *ch, unsigned int *ch_len, unsigned char *ph, unsigned int *ph_len, int if_open) {
  (void)port; (void)if_open;
  if (!opened) return 0x01;
  if (!card_present() || is_fault("read-failure") || !load_photo()) return 0x41;
  memcpy(ch, text, sizeof text);
  *ch_len = sizeof text;
  memcpy(ph, photo, sizeof photo);
  *ph_len = sizeof photo;
  read_since_placed = 1;
  return 0x90;
}

/* ---- CVR_* (libtermb) ---- */

int CVR_InitComm(int port) {
  return SDT_OpenPort(port) == 0x90 ? 1 : 2;
}

int CVR_CloseComm(void) {
  opened = 0;
  return 1;
}

int CVR_Authenticate(void) {
  if (!opened) return last_auth = 0;
  if (!find_ok()) return last_auth = 2;
  return last_auth = card_present() ? 1 : 3;
}

int CVR_Read_Content(int active) {
  (void)active;
  if (!opened || last_auth != 1) return 0;
  if (!card_present() || is_fault("read-failure") || !load_photo()) return 0;
  read_since_placed = 1;
  return 1;
}

/* The getters return one field of the last read, in GB18030 (the vendor's Windows builds use GBK), trimmed. */
static int field(int offset, int bytes, char *out, int *len) {
  char in[128];
  char *src = in, *dst = out;
  size_t inleft = (size_t)bytes, outleft = (size_t)*len - 1;
  memcpy(in, text + offset, (size_t)bytes);
  iconv_t cd = iconv_open("GB18030", "UCS-2LE");
  if (cd == (iconv_t)-1) return 0;
  size_t r = iconv(cd, &src, &inleft, &dst, &outleft);
  iconv_close(cd);
  if (r == (size_t)-1) return 0;
  while (dst > out && dst[-1] == ' ') dst--;
  *dst = 0;
  *len = (int)(dst - out);
  return 1;
}

int GetPeopleName(char *out, int *len) { return field(0, 30, out, len); }
/* The vendor's getter gives the sex as printed on the card, not its code. */
int GetPeopleSex(char *out, int *len) {
  const char *printed = text[30] == '1' ? "\xc4\xd0" : text[30] == '2' ? "\xc5\xae" : "";
  if (*len < 3) return 0;
  strcpy(out, printed);
  *len = (int)strlen(printed);
  return 1;
}
int GetNationCode(char *out, int *len) { return field(32, 4, out, len); }
int GetPeopleBirthday(char *out, int *len) { return field(36, 16, out, len); }
int GetPeopleAddress(char *out, int *len) { return field(52, 70, out, len); }
int GetPeopleIDCode(char *out, int *len) { return field(122, 36, out, len); }
int GetDepartment(char *out, int *len) { return field(158, 30, out, len); }
int GetStartDate(char *out, int *len) { return field(188, 16, out, len); }
int GetEndDate(char *out, int *len) { return field(204, 16, out, len); }
