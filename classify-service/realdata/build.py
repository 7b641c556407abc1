#!/usr/bin/env python3
"""Builds the real-title files of the classifier from the collected batches (realdata/batch-*.tsv).

Each batch line is: title TAB label TAB school TAB source (a page URL, or github-index:<id> for a public GitHub file
found through the code index; see ../src/main/resources/training/GUIDELINE.md). The script
  1. checks every line (4 columns, label 1..50 or "-", a school and a source),
  2. refuses any title that is, or closely paraphrases, a title of the shared dev file (exact after normalising,
     equal after folding digits, or character-bigram Jaccard >= 0.8) - such a line is an error, not silently dropped,
  3. drops exact duplicates inside the pool (first one wins; a duplicate with another label is an error),
  4. splits by school: every school goes wholly to training or wholly to the held-out test, chosen by a stable hash of
     the school name, so that the held-out part has schools the training part never saw,
  5. keeps the held-out part fixed: batches numbered TRAINING_ONLY_FROM and later go to training only (whatever the
     hash of their schools), and a title there from a held-out school is an error, so that new data never changes
     the held-out part the figures are measured on,
and writes ../src/main/resources/training/real-train.tsv and ../src/test/resources/real-heldout.tsv.

  python3 realdata/build.py [--dev /work/shared/data/dev-titles.tsv] [--check]   (--check: verify, write nothing)
"""
import argparse, glob, hashlib, os, re, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
TRAIN = os.path.join(HERE, '..', 'src', 'main', 'resources', 'training', 'real-train.tsv')
HELDOUT = os.path.join(HERE, '..', 'src', 'test', 'resources', 'real-heldout.tsv')
CLOSE = 0.8
HELDOUT_SHARE = 0.50  # share of schools (by hash) that go to the held-out part


def key(title):
    return re.sub(r'\s+', '', unicodedata.normalize('NFKC', title).lower())


def folded(title):
    return re.sub(r'[0-9]+', '0', key(title))


def bigrams(title):
    t = key(title)
    return {t[i:i + 2] for i in range(len(t) - 1)}


def jaccard(a, b):
    if not a and not b:
        return 1.0
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter)


def read_dev(path):
    rows = []
    if not path or not os.path.exists(path):
        return rows
    with open(path, encoding='utf-8') as f:
        for i, line in enumerate(f):
            line = line.rstrip('\n')
            if not line or (i == 0 and line.startswith('title')):
                continue
            rows.append(line.rsplit('\t', 1)[0].strip())
    return rows


def dev_match(title, dev):
    k, fk, g = key(title), folded(title), bigrams(title)
    for d in dev:
        if k == key(d):
            return 'exact', d
        if fk == folded(d):
            return 'digits', d
        if jaccard(g, bigrams(d)) >= CLOSE:
            return 'close', d
    return None


# Schools put in the held-out part whatever their hash: the big sources of ordinary news, so that the held-out part
# measures "none" on news pages too, not only on disclosure-column titles.
HELDOUT_SCHOOLS = {'南京航空航天大学'}
# Schools put in training whatever their hash: a school that gave hundreds of titles (中国人民大学: its 教务处 and 人事处
# archives) would otherwise make one school most of the held-out part.
TRAINING_SCHOOLS = {'中国人民大学'}


# Batches from this number on add training titles only: the held-out part is the one built from batch-01..14 (343
# titles from 111 schools), so that figures before and after new data are measured on the same titles.
TRAINING_ONLY_FROM = 15


def batch_number(where):
    m = re.match(r'batch-(\d+)\.tsv:', where)
    return int(m.group(1)) if m else 0


def held_out(school):
    if school in HELDOUT_SCHOOLS:
        return True
    if school in TRAINING_SCHOOLS:
        return False
    h = int(hashlib.sha256(school.encode('utf-8')).hexdigest()[:8], 16)
    return (h % 1000) / 1000.0 < HELDOUT_SHARE


def load(errors):
    rows, seen = [], {}
    for path in sorted(glob.glob(os.path.join(HERE, 'batch-*.tsv'))):
        with open(path, encoding='utf-8') as f:
            for n, line in enumerate(f, 1):
                line = line.rstrip('\n')
                if not line.strip() or line.startswith('#'):
                    continue
                cols = line.split('\t')
                where = '%s:%d' % (os.path.basename(path), n)
                if len(cols) != 4:
                    errors.append('%s: expected 4 columns, got %d' % (where, len(cols)))
                    continue
                title, label, school, source = (c.strip() for c in cols)
                if not (label == '-' or (label.isdigit() and 1 <= int(label) <= 50)):
                    errors.append('%s: bad label %r' % (where, label))
                    continue
                if not title or not school or not source:
                    errors.append('%s: empty title, school or source' % where)
                    continue
                k = key(title)
                if k in seen:
                    if seen[k][1] != label:
                        errors.append('%s: %s labelled %s here and %s at %s' % (where, title, label, seen[k][1], seen[k][0]))
                    continue
                seen[k] = (where, label)
                rows.append((title, label, school, source, where))
    return rows


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--dev', default='/work/shared/data/dev-titles.tsv')
    ap.add_argument('--check', action='store_true')
    a = ap.parse_args()
    errors = []
    rows = load(errors)
    dev = read_dev(a.dev)
    for title, label, school, source, where in rows:
        m = dev_match(title, dev)
        if m:
            errors.append('%s: %s is a dev title or a close paraphrase of one (%s: %s)' % (where, title, m[0], m[1]))
    if errors:
        print('\n'.join(errors), file=sys.stderr)
        sys.exit(1)
    frozen = {r[2] for r in rows if batch_number(r[4]) < TRAINING_ONLY_FROM and held_out(r[2])}
    for title, label, school, source, where in rows:
        if batch_number(where) >= TRAINING_ONLY_FROM and school in frozen:
            errors.append('%s: %s is a held-out school; batch-%02d and later add training titles only'
                          % (where, school, TRAINING_ONLY_FROM))
    if errors:
        print('\n'.join(errors), file=sys.stderr)
        sys.exit(1)
    test = [r for r in rows if r[2] in frozen]
    train = [r for r in rows if r[2] not in frozen]
    schools_train = {r[2] for r in train}
    schools_test = {r[2] for r in test}
    assert not schools_train & schools_test
    print('real titles: %d (%d schools); training %d (%d schools), held-out %d (%d schools); dev titles checked: %d'
          % (len(rows), len(schools_train | schools_test), len(train), len(schools_train), len(test), len(schools_test), len(dev)))
    for name, part in (('training', train), ('held-out', test)):
        items = sum(1 for r in part if r[1] != '-')
        print('  %s: %d checklist items, %d none' % (name, items, len(part) - items))
    # told, not refused: real titles of different schools share set forms (…年硕士研究生拟录取名单公示)
    new = [r for r in train if batch_number(r[4]) >= TRAINING_ONLY_FROM]
    held = [bigrams(r[0]) for r in test]
    close = sum(1 for r in new if any(jaccard(bigrams(r[0]), h) >= CLOSE for h in held))
    print('  training-only batches: %d titles, %d of them within bigram Jaccard %.1f of a held-out title'
          % (len(new), close, CLOSE))
    if a.check:
        return
    header = ('# Real titles published by Chinese universities and colleges; generated by classify-service/realdata/build.py\n'
              '# from realdata/batch-*.tsv - edit the batches, not this file. Columns: title, label, school, source.\n'
              'title\tchecklist_item\tschool\tsource\n')
    for path, part in ((TRAIN, train), (HELDOUT, test)):
        with open(path, 'w', encoding='utf-8') as f:
            f.write(header)
            for title, label, school, source, _ in part:
                f.write('%s\t%s\t%s\t%s\n' % (title, label, school, source))


if __name__ == '__main__':
    main()
