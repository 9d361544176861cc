"""The extractor on corpora of composed articles: short pages in the genre, written for this project (none copied
from an outlet), with their page furniture (datelines of many forms, outlets' marks, captions, "Tin liên quan").

``fixtures/composed/corpus*.txt`` holds them: each block opens with ``=== name``, then the article, then ``--- exp``
and one line per indicator figure, ``anchor | district | period | basis [| ?note]``, where ``[[n]]`` in the anchor
marks the number and a note opening with ``?`` marks a convention the dev set's README does not settle (those are left
out of the measure). The expectations follow the dev set's conventions.

Each set was written by other hands than the rules', apart from them and from each other, as an independent check:
- the second set (``corpus1-3.txt``, 61 articles): its first run, before the rules it led to, agreed on district 280,
  period 285 and basis 298 of 303 figures; after them 299, 292 and 302 of 304;
- the third set (``corpus4.txt``, 51 articles, written at the end of the same session): first run 263, 267 and 267
  of 279; after the rules it led to 270, 272 and 267.
- the fourth set (``corpus5.txt``, 48 articles on places of every level and region; ``corpus6.txt``, 42 articles on
  periods and bases; written in the tenth session by two more hands, apart from the rules and from each other): first
  run 782, 755 and 785 of 835 figures, 4 of them not found (places set: 412, 427 and 434 of 462; periods set: 370,
  328 and 351 of 373); after the rules they led to (and the second and third sets' last misses) 818, 806 and 819.
  The second set now agrees on 302, 295 and 302 of 304, the third on 278, 278 and 277 of 279.
- the fifth set (``corpus7.txt``, 38 articles of every form: reports under headings, interviews, bulleted lists,
  tables as text, infographics, news digests; written at the end of the tenth session, after the fourth set's rules,
  as a first sight of them): first run 389, 336 and 383 of 430 figures, 18 of them not found; after the rules it led to
  401, 351 and 388, 15 not found (404, 354 and 389 after the sixth set's rules).
- the sixth set (``corpus8.txt``, 32 articles on which unit an article is about: national reports that give provinces as
  examples, province reports that name their districts more often than themselves, district reports that name their
  province; written at the end of the tenth session, after the fifth set's rules): first run 341, 336 and 376 of 409
  figures, 3 not found; after the rules it led to 375, 340 and 377.
- the seventh set (``corpus9.txt``, 32 articles on whose figure it is when an article quotes the units above and below
  its own; ``corpus10.txt``, 35 articles on places named every way; ``corpus11.txt``, 32 articles of the genre at
  large; written at the start of the eleventh session by three hands, apart from the rules and from each other): first
  run, after the session's first rules (written from the older sets), 1229, 1297 and 1344 of 1406 figures, 17 not
  found; after the rules it led to 1360, 1313 and 1346.  Before it became a test, 50 of its labels were marked
  unsettled (``?``), by rule and each with its reason: 11 related articles' headlines under "TIN LIÊN QUAN" (page
  furniture), 30 counts said of the present ("hiện có", "đến nay", "tính đến tháng …", which the dev set labels both
  empty and YTD), 4 "x/y chỉ tiêu" given basis none (the dev set: plan), 4 multiples of a base year dated by one year
  (the dev set: the span), 1 x/y count given basis share (the dev set: none); one spelling ("Đắk R'lấp") is the
  gazetteer's ("Đắk R'Lấp").
- the eighth set (``corpus12.txt``, 32 articles of the genre at large, written during the eleventh session apart from
  the rules and every other set): first run, after most of the session's rules, 442, 434 and 430 of 450 figures, 3
  not found; after the rules it led to 445, 437 and 430.  11 labels marked unsettled the same way (6 x/y counts given
  basis share, 4 multiples dated by one year, 1 count said of the present) and the same spelling.
- the ninth set (``corpus13.txt``, 30 articles of the genre at large, each's place, level, year and topic drawn at
  random, written at the end of the eleventh session apart from the rules and every other set): first run, after all
  the session's rules but the two it led to, 457, 412 and 444 of 476 figures, 6 not found; after those two ("trong
  năm" carrying its frame's year, the time of a cause) 457, 420 and 444; after the twelfth session's headline in which
  a city ranks its wards ("Long Xuyên công bố …: Mỹ Bình dẫn đầu"), district 461; after a count of a unit's
  parts ("toàn tỉnh có thành phố Kon Tum và 9 huyện"), 463; after a rank among the units of a level
  ("xếp thứ 2/27 xã, phường"), 464; after a ministry that asks ("Bộ Nội vụ đề nghị") as a speaker, 465.  21 labels marked unsettled the same way (18 counts said of the present, 2 multiples dated by one year, 1
  "x/y chỉ tiêu" given basis none).
- the tenth set (``corpus14.txt``, 30 articles of the genre at large, each's place, level, year, outlet kind, topic
  and length drawn at random, written at the start of the twelfth session apart from the rules and every other set):
  first run, after the session's first rules (on places), 445, 361 and 416 of 456 figures (0.98 / 0.79 / 0.91), 1
  not found; after the rules it led to 449, 409 and 417.  26 labels marked unsettled the same way (17 counts said of
  the present, 8 x/y counts given basis share, 1 multiple dated by one year).
- the eleventh set (``corpus15.txt``, 30 articles on how an article says which unit it is about: site headers,
  outlets' marks, bare names in headlines, level words alone, province reports listing their districts, wards after
  the 2025 merger quoting their province), written during the twelfth session: first run 284, 334 and 328 of 342
  figures (0.83 / 0.98 / 0.96), 4 not found; after the rules it led to 332, 334 and 328.  Its writer marked 11
  labels unsettled (an article that never names its unit, a goal for a group); 8 more counts said of the present.
- the twelfth set (``corpus16.txt``, 30 articles on how an article says which period each figure covers: frames in
  headlines, leads and headings, running totals, months, quarters, halves, terms, anniversaries, comparisons that are
  not the period, goals beside results), written during the twelfth session: first run, after the session's rules up
  to the eleventh set's, 379, 316 and 369 of 381 figures (0.99 / 0.83 / 0.97); after the rules it led to (a day with
  its year early in an undated lead, the part a conference reviews, a heading's months) 379, 348 and 369.  Its writer marked 9 labels
  unsettled; 11 more by rule (6 multiples dated by one year, 3 x/y targets without basis, 2 counts said of the present).
- the thirteenth set (``corpus17.txt``, 30 articles of the genre at large drawn at random like the tenth, from 257
  units), written during the twelfth session: first run, after all but the last four of the session's rules, 418, 398
  and 412 of 448 figures (0.93 / 0.89 / 0.92; 3 not found), the freshest first sight; after the rules it led to 435,
  413 and 414.  Its writer marked 9 labels unsettled; 17 more by rule.
- the fourteenth set (``corpus21.txt``, 30 articles on which period each figure covers and what each percentage is
  measured against, written at the start of the thirteenth session apart from the rules and every other set): first
  run, after the session's first five rules, 367, 338 and 369 of 373 figures (0.98 / 0.91 / 0.99), none missing; after
  the rules it led to (a month that opens a sentence, "trong quý" after a month, a time from one day to another, the year
  right after a value, months before "trên địa bàn") 367, 350 and 369.  Its writer marked 3 labels unsettled; 12 more by
  rule (10 multiples dated by one year, 2 x/y counts given basis share).
- the fifteenth set (``corpus20.txt``, 30 articles on which unit each figure belongs to when an article names several:
  province reports by district, rankings, abbreviations, party committees and officials, single-syllable names, names
  shared by two levels, wards of 2025), written during the thirteenth session: first run 404, 415 and 419 of 439
  figures (0.92 / 0.95 / 0.95), 8 not found; after the rule it led to (a level word after an official of its level)
  410, 415 and 419.  Its writer marked 5 labels unsettled; 6 more by rule (multiples dated by one year).  It labels the
  cities Cao Lãnh and Hồng Ngự bare, as the eighteenth and nineteenth sets' writers and the second set's did, where
  the extractor wrote "TP Cao Lãnh" until the session's end; it now writes them bare too, their level keeping them
  apart from the rural districts of the same names, as the dev set's conventions ask ("TP" only for a city that
  shares its province's name).
- the sixteenth set (``corpus19.txt``, 30 articles of the genre at large drawn at random from 351 units and 15 kinds of
  outlet with their furniture), written during the thirteenth session: first run 343, 332 and 362 of 370 figures
  (0.93 / 0.90 / 0.98), 6 not found; after the rules it led to (a province's name inside a city's, a time from one day to
  another) 354, 339 and 362.  Its writer marked 9 labels unsettled; 19 more by rule (counts said of the present).
- the seventeenth set (``corpus18.txt``, 30 articles of the genre at large drawn at random from 587 units, level first),
  written during the thirteenth session: first run 389, 377 and 390 of 403 figures (0.97 / 0.94 / 0.97), 3 not found;
  after the rules it led to (a ward named with a letter, a time from one day to another, the year right after a value)
  398, 390 and 390.  Its writer marked 10 labels unsettled; 27 more by rule (23 counts said of the present, 4
  multiples dated by one year).
- the eighteenth set (``corpus22.txt``, 30 articles of the genre at large drawn at random from 508 units, level
  first), written during the thirteenth session after the rules above: first run 373, 376 and 393 of 410 figures
  (0.91 / 0.92 / 0.96), 3 not found, the freshest first sight; after the rules it led to (a commune named bare in the
  headline, who set a plan named by its level word) 385, 376 and 393.  Its writer marked 30 labels unsettled; 33 more
  by rule (22 counts said of the present, 8 x/y counts given basis share, 3 multiples dated by one year).
- the nineteenth set (``corpus23.txt``, 30 long articles, 10-25 sentences: council sessions, year-end reviews, congress
  reports, interviews, press releases with enumerated sections), written at the same time: first run 510, 478 and 520
  of 536 figures (0.95 / 0.89 / 0.97), 5 not found; after the rules it led to (a meeting's days date nothing, an
  enumerated heading is a heading, a goals heading dates its section and makes its figures goals) 510, 497 and 524.
  Its writer marked 8 labels unsettled; 12 more by rule (5 counts said of the present, 4 related titles, 3 multiples).
- the twentieth set (``corpus24.txt``, 30 articles of the genre at large drawn at random from 508 units, level first),
  written during the fourteenth session apart from the rules and every other set: first run, after the session's rules
  up to then, 481, 463 and 456 of 491 figures (0.98 / 0.94 / 0.93), 5 not found.  Its writer marked 4 labels
  unsettled; 16 more by rule (9 counts said of the present, 4 x/y counts given basis share, 3 multiples).
- the twenty-first set (``corpus25.txt``, 30 pages as a reader saves them: menus, breadcrumbs, mastheads, related
  titles, "Nguồn:" lines, and two or more periods compared in most articles), written at the same time: first run
  418, 380 and 403 of 445 figures (0.94 / 0.85 / 0.91), 14 not found.  Its writer marked 2 labels unsettled; 20 more
  by rule (9 counts said of the present, 7 x/y counts given basis share, 4 multiples) and 1 by hand (the value of the
  same time a year before, labelled with the report's period).
- the twenty-second set (``corpus26.txt``, 30 articles whose periods are hard: headings with and without a time,
  quarters and months, running totals, forecasts, goals for next year, term totals, plans a council approves), written
  at the same time: first run 466, 432 and 448 of 484 figures (0.96 / 0.89 / 0.93), 4 not found.  Its writer marked
  2 labels unsettled; 6 more by rule.
- the twenty-third set (``corpus27.txt``, 30 articles that name several units: a province's districts one by one,
  "lần lượt" pairs, rankings, neighbours, officials, a higher unit's money), written at the same time: first run 407,
  429 and 424 of 451 figures (0.90 / 0.95 / 0.94), 4 not found.  Its writer marked 9 labels unsettled; 14 more by rule.
- the twenty-fourth set (``corpus28.txt``, 30 articles whose figures come in every form: lists, tables flattened to text
  with bars, question-and-answer interviews, abbreviations, odd separators, typos), written later in the session: first
  run 375, 356 and 364 of 459 figures (0.82 / 0.78 / 0.79), 73 not found (most of them in the tables).  Its writer
  marked 6 labels unsettled; 22 more by rule.  (Its writer opened, by mistake, two small helper scripts of the
  session that call the extractor, and did not run them.)
- the twenty-fifth set (``corpus29.txt``, 30 articles of the genre at large drawn at random), written at the same time:
  first run 551, 496 and 519 of 562 figures (0.98 / 0.88 / 0.92), 2 not found.  Its writer marked 2 labels
  unsettled; 28 more by rule.
- the twenty-sixth set (``corpus30.txt``, 30 articles of the years 2024-2026, around the merger of July 2025: new units'
  first months, old units' last results, "(cũ)" and "(mới)" names), written later in the session: first run 516, 475
  and 500 of 522 figures (0.99 / 0.91 / 0.96), none missing.  Its writer marked 4 labels unsettled; 18 more by rule (13 counts said of the present, 3 x/y counts given basis
  share, 2 multiples).
- the twenty-seventh set (``corpus31.txt``, 30 articles of the genre at large drawn at random), written at the same time:
  first run 430, 396 and 425 of 439 figures (0.98 / 0.90 / 0.97), 3 not found.  Its writer marked 2 labels unsettled;
  33 more by rule (28 counts said of the present, 4 x/y counts given basis share, 1 multiple).
  (Both writers listed the session's working folder once by mistake and opened nothing from it.)
- the twenty-eighth set (``corpus32.txt``, 30 articles on periods in comparisons: the same part of two years, running
  totals beside a month, a year-end estimate beside the months so far, "so với đầu năm", the rest of the year), written
  at the session's end: first run 495, 487 and 483 of 515 figures (0.96 / 0.95 / 0.94), 3 not found.  Its writer marked
  3 labels unsettled; 14 more by rule (11 counts said of the present, 3 multiples).
- the twenty-ninth set (``corpus33.txt``, 30 articles on whose figure it is: a ward's article quoting its district's and
  province's totals, rankings of communes, units named bare after one full mention, money given and received), written
  at the same time: first run 369, 368 and 373 of 380 figures (0.97 / 0.97 / 0.98), 1 not found.  Its writer marked 7
  labels unsettled; 4 more by rule.  (Both writers listed the session's working folder once and opened nothing from it.)
Twenty-one more sets were written during the fifteenth session, each by its own writer apart from the rules, the tests,
the other sets and every dev-set text and label; first runs (district / period / basis of the figures left settled,
then the figures not found), each measured on the rules as they stood when the set arrived:
- the thirtieth (``corpus34.txt``, the genre at random): 334, 315, 324 of 341, 7 not found;
- the thirty-first (``corpus35.txt``, how units are written: "TP.", "TX.", "Q.", "H.", "quận ta", numbered wards, shared
  names, new units of 2025): 339, 334, 339 of 349, 4 not found;
- the thirty-second (``corpus36.txt``, when a report was written and what time its figures cover: January reviews of the
  year before, "năm nay", frames that change): 412, 382, 406 of 413, 2 not found;
- the thirty-third (``corpus37.txt``, what a percentage is measured against): 452, 452, 442 of 461, 1 not found;
- the thirty-fourth (``corpus38.txt``, dense council and congress reports): 819, 783, 826 of 841, 4 not found;
- the thirty-fifth (``corpus39.txt``, news digests: items each with its own unit and time): 330, 352, 356 of 361, 2 not
  found;
- the thirty-sixth (``corpus40.txt``, the genre at random): 358, 347, 355 of 362, 6 not found;
- the thirty-seventh (``corpus41.txt``, national outlets writing about a local unit): 407, 402, 407 of 420, 5 not found;
- the thirty-eighth (``corpus42.txt``, party and council documents): 537, 517, 519 of 546, 2 not found;
- the thirty-ninth (``corpus43.txt``, digital transformation): 431, 423, 408 of 433, 5 not found;
- the fortieth (``corpus44.txt``, places before and after 2025): 354, 340, 357 of 363, none missing;
- the forty-first (``corpus45.txt``, periods of every length): 431, 403, 422 of 440, 3 not found (the period hurt by
  that session's rule for a part of a year the headline names, which overrode a year its own sentence named; fixed);
- the forty-second (``corpus46.txt``, the genre at random): 376, 341, 369 of 387, 9 not found;
- the forty-third (``corpus47.txt``, the genre at random): 406, 390, 395 of 418, 4 not found;
- the forty-fourth (``corpus48.txt``, provincial papers on the province and its districts): 384, 382, 381 of 388, 1 not
  found;
- the forty-fifth (``corpus49.txt``, the big cities' numbered and named units): 399, 404, 411 of 422, 1 not found;
- the forty-sixth (``corpus50.txt``, quotes and interviews): 383, 381, 387 of 395, 5 not found;
- the forty-seventh (``corpus51.txt``, short items of three to six sentences): 194, 184, 194 of 194, none missing.
- the forty-eighth, forty-ninth and fiftieth (``corpus52.txt`` to ``corpus54.txt``, the genre at random), written last:
  424, 390, 423 of 432 (4 not found); 396, 391, 396 of 402 (4); 481, 475, 508 of 517 (3).  In the fiftieth, the
  writer's "TT Sa Pa" and "TX Phú Thọ" (names the conventions do not have; only a city that shares its province's name
  is written "TP …") were relabelled "Sa Pa" and "Phú Thọ" (27 labels, which then agree: district 508).
Their writers marked 65 labels unsettled; 500 more by rule (most of them counts said of the present and x/y counts
given basis share).
Ten more were written during the sixteenth session, each by its own writer under the same rules of independence (two
letters to a block name); first runs, district / period / basis of the settled figures as written, then those not
found, each on the rules as they stood when the set arrived:
- the fifty-first (``corpus55.txt``, national and regional reports that rank provinces, ministries, national totals
  beside provinces): 461, 490, 519 of 563, 16 not found, the weakest first sight of any set on place; it led to the
  rules on whose report a national ranking is (the provinces it names, the leader named again, are examples; an
  office's ministry in brackets and "Báo cáo của Bộ …" name who reports; a region's article stays the region's; the
  older regions' names), then to those on the years a figure is set against and a plan year's disbursement to January;
- the fifty-second (``corpus56.txt``, party building by committee and bloc): 469, 437, 491 of 495, 4 not found (463 on
  the session's starting rules; the first national rule had made a province's party report the country's, "toàn Đảng bộ
  tỉnh" read as "toàn Đảng": fixed before this run);
- the fifty-third (``corpus57.txt``, the congresses of 2025 of merged wards and communes): 392, 339, 393 of 399 as
  written, 3 not found;
- the fifty-fourth (``corpus58.txt``, provinces' monthly and quarterly reports): 523, 521, 521 of 531, none missing;
- the fifty-fifth and fifty-sixth (``corpus59.txt``, ``corpus60.txt``, the genre at random): 360, 383, 400 of 410 (3
  not found); 402, 418, 419 of 431 (1);
- the fifty-seventh (``corpus61.txt``, periods of every kind): 399, 403, 399 of 413, 1 not found;
- the fifty-eighth (``corpus62.txt``, pages saved with heavy furniture, headlines in capitals): 424, 417, 431 of 444, 4
  not found;
- the fifty-ninth and sixtieth (``corpus63.txt``, ``corpus64.txt``, the genre at random): 457, 424, 451 of 461 (2 not
  found); 412, 418, 431 of 441 (2).
Their writers marked their own unsettled labels (``?present``, ``?xy``, ``?multiple`` and reasons); two conventions the
dev set settles were then applied by rule (``relabel``): a change against a year two or more years before the reported
one ("tăng 41% so với năm 2020" in 2024) is dated by the span (d04, d13: 7 labels in the first six sets), and a
congress's goal labelled with its term's last year is unsettled (d05 dates the goals under "Đến năm 2030" by the term,
d23 by the year: 72 labels, most of them in the fifty-third set); the later four sets' relabelling changed 10 labels.
At the session's end the ten sets agree on 541, 524, 519 of 579 (55), 480, 451, 491 of 499 (56), 331, 310, 334 of 341
(57), 524, 516, 516 of 526 (58), 396, 380, 396 of 409 (59), 422, 418, 419 of 432 (60), 410, 404, 397 of 412 (61), 437,
422, 431 of 446 (62), 455, 425, 449 of 461 (63), 420, 418, 429 of 439 (64), counting the figures not found; the
fifty-one sets before them went from 21636, 21025, 21345 to 21656, 21047, 21344 (one label of the fifth set, a related
article's title under "Xem thêm:", marked unsettled as page furniture).
At the thirteenth session's end, after its later rules (a measure of the unit after a long name, an opening that says
what the subject is, the goals' year, a city twinned with a rural district named as written): fourteenth 367, 350,
369; fifteenth 418, 419, 419; sixteenth 356, 341, 362; seventeenth 400, 390, 390; eighteenth 395, 376, 393;
nineteenth 526, 497, 524.
At the fourteenth session's end, after its rules (district, period, basis of the figures left settled): fourteenth 371,
351, 369 of 373; fifteenth 422, 425, 423 of 439; sixteenth 360, 354, 365 of 370; seventeenth 402, 392, 392 of 403;
eighteenth 395, 377, 396 of 410; nineteenth 527, 521, 525 of 536; twentieth 469, 465, 454 of 475; twenty-first 417,
403, 405 of 424; twenty-second 466, 450, 450 of 478; twenty-third 416, 424, 418 of 437; twenty-fourth 381, 352, 377
of 437 (45 not found, most of them the cells of tables that give their unit only in the header row, which the
extractor does not read); twenty-fifth 527, 504, 517 of 534; twenty-sixth 498, 489, 487 of 504; twenty-seventh 397,
393, 399 of 406; twenty-eighth 486, 486, 471 of 501; twenty-ninth 367, 369, 370 of 376.
The floors are what the extractor measures after them: raise them as rules land, never lower them.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from districtbook.extraction.extract import figures
from districtbook.reading.articles import parse_article

CORPUS = Path(__file__).parent / "fixtures" / "composed"
#: per set, its files and the floor of each field's agreement
SETS = {"second": (("corpus1.txt", "corpus2.txt", "corpus3.txt"), {"district": 0.995, "period": 0.97, "basis": 0.995}),
        "third": (("corpus4.txt",), {"district": 0.995, "period": 0.995, "basis": 0.99}),
        "fourth": (("corpus5.txt", "corpus6.txt"), {"district": 0.985, "period": 0.965, "basis": 0.98}),
        "fifth": (("corpus7.txt",), {"district": 0.955, "period": 0.83, "basis": 0.905}),
        "sixth": (("corpus8.txt",), {"district": 0.96, "period": 0.88, "basis": 0.92}),
        "seventh": (("corpus9.txt", "corpus10.txt", "corpus11.txt"), {"district": 0.985, "period": 0.965, "basis": 0.975}),
        "eighth": (("corpus12.txt",), {"district": 0.99, "period": 0.975, "basis": 0.97}),
        "ninth": (("corpus13.txt",), {"district": 0.98, "period": 0.92, "basis": 0.955}),
        "tenth": (("corpus14.txt",), {"district": 0.99, "period": 0.94, "basis": 0.945}),
        "eleventh": (("corpus15.txt",), {"district": 0.965, "period": 0.985, "basis": 0.96}),
        "twelfth": (("corpus16.txt",), {"district": 0.995, "period": 0.95, "basis": 0.98}),
        "thirteenth": (("corpus17.txt",), {"district": 0.97, "period": 0.94, "basis": 0.94}),
        "fourteenth": (("corpus21.txt",), {"district": 0.99, "period": 0.94, "basis": 0.985}),
        "fifteenth": (("corpus20.txt",), {"district": 0.96, "period": 0.965, "basis": 0.96}),
        "sixteenth": (("corpus19.txt",), {"district": 0.97, "period": 0.955, "basis": 0.985}),
        "seventeenth": (("corpus18.txt",), {"district": 0.995, "period": 0.97, "basis": 0.97}),
        "eighteenth": (("corpus22.txt",), {"district": 0.96, "period": 0.915, "basis": 0.965}),
        "nineteenth": (("corpus23.txt",), {"district": 0.98, "period": 0.97, "basis": 0.975}),
        "twentieth": (("corpus24.txt",), {"district": 0.985, "period": 0.975, "basis": 0.955}),
        "twenty-first": (("corpus25.txt",), {"district": 0.98, "period": 0.95, "basis": 0.955}),
        "twenty-second": (("corpus26.txt",), {"district": 0.97, "period": 0.94, "basis": 0.94}),
        "twenty-third": (("corpus27.txt",), {"district": 0.95, "period": 0.97, "basis": 0.955}),
        "twenty-fourth": (("corpus28.txt",), {"district": 0.87, "period": 0.805, "basis": 0.86}),
        "twenty-fifth": (("corpus29.txt",), {"district": 0.985, "period": 0.94, "basis": 0.965}),
        "twenty-sixth": (("corpus30.txt",), {"district": 0.985, "period": 0.97, "basis": 0.965}),
        "twenty-seventh": (("corpus31.txt",), {"district": 0.975, "period": 0.965, "basis": 0.98}),
        "twenty-eighth": (("corpus32.txt",), {"district": 0.97, "period": 0.97, "basis": 0.94}),
        "twenty-ninth": (("corpus33.txt",), {"district": 0.97, "period": 0.98, "basis": 0.98}),
        "thirtieth": (("corpus34.txt",), {"district": 0.975, "period": 0.925, "basis": 0.93}),
        "thirty-first": (("corpus35.txt",), {"district": 0.965, "period": 0.96, "basis": 0.96}),
        "thirty-second": (("corpus36.txt",), {"district": 0.99, "period": 0.965, "basis": 0.98}),
        "thirty-third": (("corpus37.txt",), {"district": 0.98, "period": 0.975, "basis": 0.965}),
        "thirty-fourth": (("corpus38.txt",), {"district": 0.98, "period": 0.935, "basis": 0.975}),
        "thirty-fifth": (("corpus39.txt",), {"district": 0.96, "period": 0.965, "basis": 0.98}),
        "thirty-sixth": (("corpus40.txt",), {"district": 0.97, "period": 0.94, "basis": 0.97}),
        "thirty-seventh": (("corpus41.txt",), {"district": 0.96, "period": 0.945, "basis": 0.955}),
        "thirty-eighth": (("corpus42.txt",), {"district": 0.98, "period": 0.955, "basis": 0.95}),
        "thirty-ninth": (("corpus43.txt",), {"district": 0.98, "period": 0.965, "basis": 0.95}),
        "fortieth": (("corpus44.txt",), {"district": 0.985, "period": 0.955, "basis": 0.98}),
        "forty-first": (("corpus45.txt",), {"district": 0.97, "period": 0.935, "basis": 0.95}),
        "forty-second": (("corpus46.txt",), {"district": 0.95, "period": 0.87, "basis": 0.93}),
        "forty-third": (("corpus47.txt",), {"district": 0.965, "period": 0.94, "basis": 0.935}),
        # (the forty-seventh set's short items count fewer than 250 figures: measured with the forty-fourth's)
        "forty-fourth and forty-seventh": (("corpus48.txt", "corpus51.txt"),
                                           {"district": 0.99, "period": 0.97, "basis": 0.985}),
        "forty-fifth": (("corpus49.txt",), {"district": 0.975, "period": 0.955, "basis": 0.97}),
        "forty-sixth": (("corpus50.txt",), {"district": 0.955, "period": 0.96, "basis": 0.965}),
        "forty-eighth": (("corpus52.txt",), {"district": 0.97, "period": 0.89, "basis": 0.97}),
        "forty-ninth": (("corpus53.txt",), {"district": 0.975, "period": 0.98, "basis": 0.975}),
        "fiftieth": (("corpus54.txt",), {"district": 0.975, "period": 0.91, "basis": 0.975}),
        "fifty-first": (("corpus55.txt",), {"district": 0.93, "period": 0.905, "basis": 0.895}),
        "fifty-second": (("corpus56.txt",), {"district": 0.96, "period": 0.9, "basis": 0.98}),
        "fifty-third": (("corpus57.txt",), {"district": 0.97, "period": 0.905, "basis": 0.975}),
        "fifty-fourth": (("corpus58.txt",), {"district": 0.995, "period": 0.98, "basis": 0.98}),
        "fifty-fifth": (("corpus59.txt",), {"district": 0.965, "period": 0.925, "basis": 0.965}),
        "fifty-sixth": (("corpus60.txt",), {"district": 0.975, "period": 0.965, "basis": 0.965}),
        "fifty-seventh": (("corpus61.txt",), {"district": 0.995, "period": 0.98, "basis": 0.96}),
        "fifty-eighth": (("corpus62.txt",), {"district": 0.975, "period": 0.945, "basis": 0.965}),
        "fifty-ninth": (("corpus63.txt",), {"district": 0.985, "period": 0.92, "basis": 0.97}),
        "sixtieth": (("corpus64.txt",), {"district": 0.955, "period": 0.95, "basis": 0.975})}


def _blocks(files):
    for path in (CORPUS / name for name in files):
        for block in re.split(r"^=== ", path.read_text(encoding="utf-8"), flags=re.M)[1:]:
            name, rest = block.split("\n", 1)
            text, expected = rest.split("--- exp\n")
            yield name.strip(), text.rstrip("\n") + "\n", [line for line in expected.strip().split("\n") if line]


def _checked(files):
    """``(field, expected, got)`` for every field of every figure whose convention is settled in ``files``, and the
    figures that got no indicator row."""
    out, missing = [], []
    for name, text, lines in _blocks(files):
        found = [f for f in figures(parse_article(f"{name}.txt", text.encode())) if f.kind == "indicator"]
        for line in lines:
            anchor, district, period, basis, *note = [p.strip() for p in line.split("|")]
            if note and note[0].startswith("?"):
                continue
            anchor = anchor.replace("\\n", "\n")
            plain = anchor.replace("[[", "").replace("]]", "")
            assert text.count(plain) == 1, (name, anchor)
            start = text.index(plain) + anchor.index("[[")
            end = start + len(anchor.split("[[")[1].split("]]")[0])
            rows = sorted((f for f in found if f.start < end and f.end > start),
                          key=lambda f: (f.district != district, f.end - f.start))
            if not rows:
                missing.append((name, anchor))
                continue
            got = rows[0]
            out += [("district", district, got.district), ("period", period, got.period), ("basis", basis, got.basis)]
    return out, missing


@pytest.fixture(scope="module", params=sorted(SETS))
def checked(request):
    files, floors = SETS[request.param]
    return request.param, floors, *_checked(files)


def test_every_corpus_file_is_in_a_set():
    assert sorted(p.name for p in CORPUS.glob("corpus*.txt")) == sorted(f for files, _ in SETS.values() for f in files)


def test_the_set_is_whole(checked):
    _name, _floors, pairs, missing = checked
    assert len(pairs) // 3 + len(missing) >= 250


@pytest.mark.parametrize("field", ["district", "period", "basis"])
def test_the_composed_corpus_agrees_above_the_floor(checked, field):
    name, floors, pairs, missing = checked
    mine = [(want, got) for f, want, got in pairs if f == field]
    agree = sum(want == got for want, got in mine)
    share = agree / (len(mine) + len(missing))
    assert share >= floors[field], (name, field, agree, len(mine) + len(missing),
                                    [(w, g) for w, g in mine if w != g][:20])
