// The status parser's vocabulary: the only file a linguist edits to teach it a word. Data only; the rules
// that use each list are named beside it. Test: test/domain/status-parser.lexicon.test.ts.
//
// Phrase syntax (PHRASES): one phrase a string, its words separated by spaces; alternatives for one word
// position by '|': "tạm dừng|ngừng|hoãn" is "tạm dừng", "tạm ngừng" and "tạm hoãn". A phrase matches
// whatever the diacritics the person typed ("tam dung" too), except for the ambiguous folds below.
// Punctuation is a word of its own ("%").
//
// Word sets (WORDS): single words separated by spaces, matched ignoring diacritics ("chờ" is also "cho").
//
// Ambiguous folds (AMBIGUOUS_FOLDS): a word whose form without diacritics stands for several words ("tac" is
// tắc or tác). Typed with diacritics, it matches only when spelled exactly as in the phrase; typed bare, when
// its neighbours agree (COMPOUNDS, BARE_COMPOUNDS, WAITING).
//
// Every phrase of the status lists (STATUS_PHRASES) must give its status in "II.2 <phrase>"; a list that
// counts only before another word names that word in `before`.

export const PHRASES = {
  // Task references: "nhiệm vụ II.2", "NV 3", "mục II.2", "số 3".
  taskWord: ["nhiệm vụ", "nv", "nvụ", "nhiemvu", "task"],
  sectionWord: ["mục", "phần"],
  numberWord: ["số"],
  /** After "nhiệm vụ" only: alone, "thứ 3" is Tuesday. */
  ordinal: ["số", "thứ"],

  // Statuses.
  obstacle: [
    "vướng",
    "khó khăn",
    "kẹt",
    "tắc",
    "bị chặn|chắn|dừng|ngừng|treo|lỗi|hỏng",
    "tạm dừng|ngừng|ngưng|hoãn",
    "ngừng triển khai|thực",
    "chưa|không|ko|k|kh|khg|chẳng thể",
    "không|ko|k|chưa|chẳng đủ",
    "thiếu",
    "trục trặc",
    "trở ngại",
    "sự cố",
    "gặp vấn đề",
  ],
  /**
   * After an obstacle word and a colon or dash, its absence: "Vướng mắc: không", "Khó khăn: chưa phát sinh".
   * Counts only when nothing but particles follows in its clause ("Khó khăn: không có kinh phí" is an obstacle).
   */
  absent: [
    "không|chưa|0",
    "không|chưa có|thấy",
    "không|chưa có|thấy gì",
    "không|chưa phát sinh",
    "không|chẳng còn",
    "hết",
    "đã|cũng hết",
    "hết rồi",
    "none",
    "no",
    "nothing",
    "đã|được giải quyết",
    "đã|được tháo gỡ",
    "đã|được xử lý",
    "đã được giải quyết",
    "đã được tháo gỡ",
    "đã được xử lý",
  ],
  /** The same, without a colon or dash: "khó khăn chưa phát sinh", "vướng mắc đã được tháo gỡ". */
  absentAfterWord: [
    "không|chưa phát sinh",
    "không|chẳng còn",
    "đã|cũng hết",
    "hết rồi",
    "đã|được giải quyết",
    "đã|được tháo gỡ",
    "đã|được xử lý",
    "đã được giải quyết",
    "đã được tháo gỡ",
    "đã được xử lý",
  ],
  done: ["xong", "hoàn thành", "hoàn tất", "hoànthành", "done", "finish", "finished", "completed"],
  notStarted: [
    "chưa làm",
    "chưa triển khai",
    "chưa thực hiện",
    "chưa bắt đầu|tay",
    "chưa tiến hành",
    "chưa khởi động|công",
    "chưa động",
    "chưa có gì",
    "chưa được triển khai|thực|làm",
    "chưa xây dựng",
  ],
  /** In progress when a word follows: "đang làm", "đang soạn". */
  ongoing: ["đang"],
  /**
   * After "đang", the person is busy, not the task in progress: "em đang họp, lát em gửi". "đi công" stands for
   * "đi công tác" ("tác" after "công" is never read, see COMPOUNDS).
   */
  busy: [
    "họp",
    "bận",
    "đi công|họp|học|vắng",
    "nghỉ phép|ốm|lễ",
    "ốm",
    "lái xe",
    "trên đường",
    "tiếp khách|dân|đoàn",
    "dự họp|hội",
  ],
  inProgress: [
    "chờ",
    "đợi",
    "tiếp tục",
    "làm|triển tiếp",
    "vẫn làm",
    "đã|mới|vừa triển khai",
    "đã|mới|vừa bắt đầu",
    "đã|mới|vừa khởi động",
    "bắt đầu triển khai|thực|làm",
    "đã trình",
    "trình ký",
    "in progress",
    "doing",
  ],

  // What comes before a done word: "đã xong" (a claim), "sắp xong", "dự kiến xong" (pending), "khi xong" (no status).
  past: ["đã", "vừa", "mới"],
  soon: ["sắp", "gần", "gần như"],
  future: [
    "dự kiến",
    "dk",
    "dự định",
    "sẽ",
    "định",
    "phấn đấu",
    "hẹn",
    "cố gắng",
    "mai",
    "phải",
    "cần",
    "tuần sau|tới",
    "tháng sau|tới",
  ],
  hypothetical: ["khi", "nếu", "bao giờ", "khi nào", "lúc nào", "để", "chờ", "đợi", "mong"],
  /** After a done word, a part of the task: "xong phần máy chủ" is still in progress. */
  partial: ["phần", "giai đoạn", "bước", "một|1 phần", "một nửa", "nửa", "phân nửa", "đợt"],

  // Progress: "được 80%", "tiến độ 70", "được 2/3", "một nửa".
  percent: ["%", "phần trăm", "phầntrăm"],
  half: ["một|1 nửa", "phân nửa", "nửa"],
  progressCue: ["được", "đc", "dc", "đạt", "tiến độ", "tđ", "td", "hoàn thành", "xong", "tỷ|tỉ lệ", "lên"],
  /** Before "2/3", which is otherwise a date. */
  fractionCue: ["được", "đc", "dc", "đạt"],

  // Expected dates: "dự kiến 30/6" always; "trước 30/6" unless the sentence says it happened ("đã").
  etaStrong: ["dự kiến", "dk", "dự định", "sẽ", "phấn đấu", "kế hoạch", "mục tiêu", "hẹn"],
  etaWeak: [
    "trước",
    "đến",
    "tới",
    "hạn",
    "deadline",
    "khoảng",
    "tầm",
    "vào",
    "chậm nhất",
    "trong",
    "xong",
    "hoàn thành",
    "hoàn tất",
  ],
  /** "từ 15/3" is a start, never an expected date. */
  from: ["từ"],
  day: ["ngày"],
  month: ["tháng"],
  year: ["năm"],
  /** After a day/month or a month: the year after the message's ("30/6 năm sau", "tháng 3 năm tới"). */
  nextYear: ["năm sau|tới"],
  end: ["cuối"],
  /** Before "tháng N": "cuối" its last day, "đầu" its first, "giữa" its 15th (date-mentions.ts). */
  partOfMonth: ["cuối|đầu|giữa"],
  quarter: ["quý"],
} as const satisfies Record<string, readonly string[]>;

export const WORDS = {
  // Task references.
  /** Between a task number and its section: "NV 2, thuộc mục II". */
  codeLink: ", : - thuộc của ở tại trong",
  /** "quyết định số 12" is a document, not task 12. */
  documentBeforeNumber:
    "định bản văn tư quyết thông nghị hoạch qđ cv tt nđ nq kh hiệu điện thoại phòng nhà tờ hồ",
  /** "đến 2.2", "version 2.2": not task 2.2. */
  notCodeBefore: "ngày trước đến tới hạn khoảng tầm vào dk kiến được dc đạt bản version v lên từ",
  /** "2.5 tỷ", "1.5 km": amounts, not codes or dates. */
  unitAfter: "tỷ tỉ triệu tr nghìn ngàn đồng k km m kg gb mb tb ha giờ lần",
  /** Tasks joined by these share one update: "II.6 và II.7 xong". */
  refConnector: ", & + / - . và với cùng and",
  /** "II.3 chờ II.2 xong": the second task is what the first waits on. */
  dependencyBefore: "chờ đợi của thuộc như giống theo từ sau vào với cho",

  // Statuses.
  negator: "không ko k kh khg kg hk hông hok chẳng chả chưa",
  /** May stand between a negator and the obstacle: "không có vướng gì". */
  obstacleSkip: "có gặp còn bị hề thấy phát sinh gì xong được đc vấn đề nào",
  /** Before an obstacle, it is gone: "đã tháo gỡ khó khăn", "nếu vướng". */
  obstacleResolved: "hết quyết phục gỡ nếu",
  /** Join obstacle words that share one negation or one heading: "không có khó khăn, vướng mắc gì". */
  obstacleChain: ", / và hay hoặc cũng mắc gì nào cả",
  /** Of these, the ones that join: "không vướng mắc thiếu máy" denies nothing of the shortage. */
  obstacleJoin: ", / và hay hoặc",
  /** Obstacle words that name a kind of obstacle (not "thiếu X"), which a shared negation may reach. */
  obstacleNoun: "khó vướng trở trục sự",
  /** Between an obstacle heading and its value: "Vướng mắc: không", "Khó khăn - chưa có", "(không)". */
  headingSeparator: ": - ( [ là thì",
  /** May follow an absence to its clause's end: "Vướng mắc: (không) ạ". */
  absentTail: ") ] gì nào cả hết",
  /** "có vướng mắc gì không?": between the obstacle and the question. */
  obstacleQuestionSkip: "gì mắc",
  /** May stand between a negator and a done word: "chưa làm xong", "không kịp hoàn thành". */
  doneNegationSkip: "làm được đc triển khai thực hiện hẳn hoàn toàn kịp xử lý",
  /** "phần mềm", "phần cứng" are software and hardware, not a part. */
  notAPart: "mềm cứng",
  /** A short form marked ?status in shorthand.ts is one after these even before a noun: "đã ht bc". */
  statusAfter: "đã da được dc đc",
  /** "chưa triển khai được" is still not started. */
  able: "được đc dc",
  /** A done word asked about: "xong chưa?". */
  questionTail: "chưa không ko k",
  /** A final clause with a '?' and one of these asks: "đang làm tới đâu rồi?". */
  questionWord: "đâu sao nào gì chưa không ko hả hông bao mấy",
  questionSkip: "hết rồi r được đc",

  // Not an update (not-an-update.ts).
  /** A promise to report later: one of these, then (past `laterSkip`) a `reportVerb`: "lát em gửi", "mai e bc". */
  later: "lát tí ti chút chốc mai chiều sau",
  laterSkip: "nữa nha em anh chị mình sẽ xin ạ rồi",
  reportVerb: "gửi gởi báo nhắn cập",
  /** A question about a task, beside its code: "ai chủ trì II.2?", "II.2 hạn khi nào". */
  taskQuestion: "ai gì nào đâu sao chưa bao mấy hả hạn ?",

  // Progress.
  /** May stand between a cue and its figure: "đạt khoảng 80%". */
  progressFiller: "khoảng tầm gần hơn trên cỡ chừng mới là lên tới hiện tại ước được dc đạt chỉ",
  /** "chưa đạt 100%": a negated figure only says in progress. */
  negatableCue: "được đc dc đạt tới đến lên",

  // Expected dates.
  /** "30/6 là xong": between a date and a done word. */
  dateToDone: "là thì sẽ có thể mới chắc",
  /** "xong trước 30/6": between a done word and a date. */
  doneToDate: "trước vào khoảng trong ngày đến tới tầm hạn",
  /** "tháng này", "tháng sau", "tháng tới". */
  thisMonth: "này nay",
  nextMonth: "sau tới",

  // Everywhere.
  clauseBreak: ", . ! ? : ( ) [ ]",
  /** Particles and forms of address that carry no meaning at a clause's end. */
  filler:
    "ạ a à ah aj ak ha nhé nha nhe nhen nhá nghe nhỉ ne nè em e anh chị c ơi oi thôi rồi r rùi vậy đấy đó luôn " +
    "nhưng và mà ok oke bác sếp ad admin bạn",
} as const satisfies Record<string, string>;

/** Folds that stand for several words in this domain: typed with diacritics, they must be spelled exactly. */
export const AMBIGUOUS_FOLDS =
  "tac ket cho dang vuong thieu so tam lam nam chan dung kho chua da dat gan muc den han thang ngay cuoi " +
  "trong quy phan tram the mac toi du doi hop ban";

/** Neighbours that make an ambiguous fold another word, whatever the diacritics ("công tác", "kết nối"). */
export const COMPOUNDS: Readonly<Record<string, { before: string; after: string }>> = {
  tac: { before: "cong hop thao canh phan", after: "gia dong phong nghiep pham quyen nhan vu chien dung" },
  ket: {
    before: "tong so lien doan cam ky chung gan hoan ban",
    after: "noi qua luan thuc hop xuat toan cau nap tinh",
  },
  vuong: { before: "met m km hinh de", after: "quoc trieu" },
  thieu: { before: "toi giam", after: "nhi nien so" },
  the: { before: "cu", after: "hien thao loai che le thuc tich luc nghiem" },
  hop: { before: "phoi ket thich tong to", after: "nhat tac dong le ly phap thuc" },
  ban: { before: "van co", after: "hanh giao thao" },
};

/**
 * The same, only for a word typed without diacritics: "dang ky", "dang tai" are đăng ký, đăng tải; "dang ban"
 * may be đang bàn (discussing, work) as well as đang bận (busy), so it stays work.
 */
export const BARE_COMPOUNDS: Readonly<Record<string, { before: string; after: string }>> = {
  dang: { before: "hinh", after: "ky tai nhap bai tin vien uy bo ke" },
  ban: { before: "dang con van", after: "hanh" },
};

/**
 * "cho" typed bare is chờ (waiting) only in a message without diacritics, after a waiting word ("dang cho"),
 * or before what one waits for ("cho phe duyet") unless a giving word precedes it ("gui cho so").
 */
export const WAITING = {
  before: "dang con van dung ngoi",
  giveBefore: "gui giao bao noi cap danh tra ban chuyen de lam giup xin trinh ho nop phat",
  after:
    "phe ky duyet y huong xin tham ubnd cap doi xet ket thong bo so van nguon kinh quyet trinh lanh hop giai tinh",
};

/** The lists that give a status by themselves, for the lexicon test; `before` a word they need after them. */
export const STATUS_PHRASES = [
  { status: "blocked", phrases: PHRASES.obstacle },
  { status: "done", phrases: PHRASES.done },
  { status: "not_started", phrases: PHRASES.notStarted },
  { status: "in_progress", phrases: PHRASES.inProgress },
  { status: "in_progress", phrases: PHRASES.ongoing, before: "làm" },
] as const;
