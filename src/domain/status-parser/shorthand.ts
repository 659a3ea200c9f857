// Chat shorthand as officials type it on Zalo and Telegram: the data a linguist extends, one entry a line.
// Test: test/domain/status-parser.shorthand.test.ts (a sentence per entry; an entry without one fails it).
//
// Line syntax:  <short> = <the words it stands for> [<condition>]   // why, with an example
// The short form is matched as a whole word, with or without diacritics ("đc" and "dc"); the reader then sees
// the words it stands for, spelled exactly, so every rule of lexicon.ts applies to them.
// Conditions (when the short form means something else, it is left as typed):
//   !afterNumber   not right after a number: "5k" and "5 k" are 5 nghìn, "2 tr" is 2 triệu
//   !beforeNumber  not before a number or "số": "KH 12", "kh số 3" are a plan (kế hoạch)
//   ?status        only as a status: at the clause's end, before a figure, or after đã/được ("ht phần mềm" is
//                  hệ thống phần mềm)
//   =exact         only typed exactly so (voice-typing.ts has more)

export const SHORTHAND = `
r    = rồi                          // "xong r", "đc r a"
đc   = được                         // "lm đc 60%"
dc   = được                         // the same, typed without đ
ko   = không                        // "ko vướng gì"
k    = không       !afterNumber     // "k kịp"; "5k" is 5 nghìn
kh   = không       !beforeNumber    // "kh vướng j"; "KH 12" is a plan
hok  = không                        // "hok có gì vướng"
lm   = làm                          // "đang lm"
đag  = đang                         // "đag lm"
dag  = đang                         // the same, typed without đ
xog  = xong                         // "xog r"
xg   = xong                         // "xg r a"
ht   = hoàn thành  ?status          // "ht r", "đã ht", "II.2 ht"; "ht phần mềm" is a system (hệ thống)
j    = gì                           // "ko vướng j"
e    = em          =exact           // a pronoun: "e xong r"; "ê" stays
a    = anh         =exact           // a pronoun: "a ơi II.2 xong r"; the particles "ạ", "à" stay
c    = chị         =exact           // a pronoun: "c ơi e gửi r"
nv   = nhiệm vụ                     // "nv II.2 xong"
bc   = báo cáo                      // "lát e gửi bc"
qđ   = quyết định                   // "qđ số 12 ban hành r": a document, not task 12
tr   = triển khai  !afterNumber     // "đang tr"; "2 tr" is 2 triệu
`;
