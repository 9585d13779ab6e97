#!/usr/bin/env python3
"""Scores `zhnews extract` (with the entity model, and with --no-ner-model)
on the blind held-out entity set corpus/heldout/entities.jsonl (see its
README). Run from the repository root after `cargo build --release`."""
import collections, json, os, subprocess

SHARED = os.environ.get("ZHNEWS_SHARED", "../shared")
gold=[json.loads(l) for l in open('corpus/heldout/entities.jsonl')]
recs={}
for g in gold:
    path=f"{SHARED}/corpus/news-zh/part-{int(g['part']):03d}.jsonl"
    with open(path) as f:
        for i,l in enumerate(f):
            if i==g['line']:
                recs[g['id']]=json.loads(l); break
inp="".join(json.dumps({"id":g['id'],"text":recs[g['id']]['text'],"date":recs[g['id']].get('date')},ensure_ascii=False)+"\n" for g in gold)
def run(args):
    out=subprocess.run(["target/release/zhnews","extract","-q"]+args,input=inp.encode(),capture_output=True).stdout.decode()
    return {d['id']:d for d in map(json.loads,out.splitlines())}
for name,args in [("model",[]),("rules",["--no-ner-model"])]:
    docs=run(args)
    c=collections.defaultdict(lambda:[0,0,0])
    for g in gold:
        gs={(e['kind'],e['start'],e['end']) for e in g['entities'] if not e.get('alt')}
        alts={(e['kind'],e['start'],e['end']) for e in g['entities'] if e.get('alt')}
        ps={(e['kind'],e['start'],e['end']) for e in docs[g['id']]['entities'] if e['start']>=g['start'] and e['end']<=g['end']}
        for k,a,b in gs: c[k][0]+=1; c[k][2]+= (k,a,b) in ps
        for k,a,b in ps:
            if (k,a,b) not in alts: c[k][1]+=1
    tot=[sum(v[i] for v in c.values()) for i in range(3)]
    f=lambda g,p,r: 2*r/(g+p) if g+p else 0
    print(name, "F1 %.3f (P %.3f R %.3f)"%(f(*tot), tot[2]/max(1,tot[1]), tot[2]/max(1,tot[0])), " ".join("%s %.3f(g%d)"%(k,f(*v),v[0]) for k,v in sorted(c.items())))
