// Speech-to-text confusions that a human reads through (issue 16), on the status and obstacle words only, and
// only where no real word of a status message collides: the data a linguist extends, one entry a line, read like
// shorthand.ts (its syntax and conditions), with two more conditions:
//   =exact        only spelled exactly so (with its marks): "vướn" is vướng, but "vườn" (a garden) stays
//   before:<w>    only before the word <w> (any marks): "chiển khai" is triển khai, "chiến dịch" stays
//   after:<w>     only after the word <w>
// Alternatives typed for one entry, all of one fold, are separated by '|'.
// Test: test/domain/status-parser.voice-typing.test.ts (a sentence per entry, and one per collision avoided).
// Not here, on purpose (a real word collides): tắt (turn off) for tắc, trưa (noon) for chưa, vương (a king, a
// surname) for vướng, dân (people) for đang, thiểu (tối thiểu) for thiếu, hoàng (Hoàng thành) for hoàn.

export const VOICE_TYPING = `
// s/x and ch/tr swapped at the start
song           = xong          ?status        // "II.2 song rồi"; "song song", "sông Ba" stay
chiển|chiến    = triển         before:khai    // "đang chiển khai", "chiến khai"; "chiến dịch" stays
chở|chỡ        = trở           before:ngại    // "gặp chở ngại"; "chở hàng" stays

// a final consonant dropped or swapped (n/ng, c/t)
vướn           = vướng         =exact         // "vướn kinh phí"; "vườn" (a garden) stays
xon            = xong                         // "xon rồi": no word "xon"
thàn           = thành         after:hoàn     // "hoàn thàn"; "than" elsewhere stays
thàng          = thành         after:hoàn     // "hoàn thàng"; "tháng" elsewhere stays
khăng          = khăn          after:khó      // "khó khăng"; "khăng khăng" (insisting) stays
kẹc            = kẹt           =exact         // "bị kẹc thủ tục": no word "kẹc"

// wrong tone marks on a status word whose fold is ambiguous (lexicon.ts AMBIGUOUS_FOLDS)
vưỡng|vưởng    = vướng         =exact         // "vưởng mặt bằng"; "vượng" (thịnh vượng) and "vừng" stay
khỏ|khò|khõ|khọ = khó          before:khăn    // "khỏ khăn"; "kho" (a store) before another word stays

// two words run together
đanglàm        = đang làm                     // "II.2 đanglàm"
khókhăn        = khó khăn                     // "gặp khókhăn"
triểnkhai      = triển khai                   // "đang triểnkhai"
xongrồi        = xong rồi                     // "II.2 xongrồi"
vướngmắc       = vướng mắc                    // "có vướngmắc"
chưalàm        = chưa làm                     // "II.2 chưalàm"
đãxong         = đã xong                      // "II.2 đãxong"
`;
