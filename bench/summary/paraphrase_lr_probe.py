#!/usr/bin/env python3
"""Probe: would a logistic regression over lexical overlap features beat the paraphrase rule?

Trains on the MSRP train split and scores the test split (both read as SOURCE.md says: tab
delimiter, double quotes, inner tabs back to commas). Features of a pair, over lower-cased
tokens with scikit-learn's English stop words removed and words cut to 5 letters (a crude
stemmer): content-word Dice, the smaller and the larger containment, bigram Dice over all
tokens, numbers equal (0/1), numbers differing (count), |log length ratio|, Jaccard of
capitalised words, Jaccard of all tokens, and the rule's own score (0.5 Dice + 0.3 containment
+ 0.2 bigram Dice). Prints test accuracy / F1 for three regularisation strengths and for the
rule alone with its threshold tuned on train (this probe's approximation of
ParaphraseTest::judge, which scores 0.7023 in `storyline eval paraphrase`).

Usage: python3 bench/summary/paraphrase_lr_probe.py DATA_DIR   (DATA_DIR = ../shared/data)
Needs numpy and scikit-learn.
"""
import sys
import csv,re,numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS as SW
import csv as _csv
def load(f):
    rows=[]
    r=_csv.reader(open(f,encoding='utf-8-sig'),delimiter='\t',quotechar='"')
    next(r)
    for p in r:
        if len(p)==5 and p[0] in ('0','1'): rows.append((int(p[0]),p[3].replace('\t',','),p[4].replace('\t',',')))
    return rows
def toks(s): return [w for w in re.findall(r"[a-z0-9]+",s.lower())]
def stem(w): return w[:5]
def feats(a,b):
    ta,tb=toks(a),toks(b)
    ca=[stem(w) for w in ta if w not in SW]; cb=[stem(w) for w in tb if w not in SW]
    A,B=set(ca),set(cb)
    inter=len(A&B)
    dice=2*inter/(len(A)+len(B)+1e-9)
    ca_in=inter/(len(A)+1e-9); cb_in=inter/(len(B)+1e-9)
    ba=set(zip(ta,ta[1:])); bb=set(zip(tb,tb[1:]))
    bd=2*len(ba&bb)/(len(ba)+len(bb)+1e-9)
    na=set(re.findall(r'\d+(?:\.\d+)?',a)); nb=set(re.findall(r'\d+(?:\.\d+)?',b))
    numagree=1.0 if na==nb else 0.0
    numdiff=len(na^nb)
    lr=abs(np.log((len(ta)+1)/(len(tb)+1)))
    caps_a=set(re.findall(r'\b[A-Z][a-z]+',a)); caps_b=set(re.findall(r'\b[A-Z][a-z]+',b))
    capj=len(caps_a&caps_b)/(len(caps_a|caps_b)+1e-9)
    allA=set(ta);allB=set(tb); uj=len(allA&allB)/(len(allA|allB)+1e-9)
    rule=0.5*dice+0.3*max(ca_in,cb_in)+0.2*bd
    return [dice,min(ca_in,cb_in),max(ca_in,cb_in),bd,numagree,numdiff,lr,capj,uj,rule]
tr=load(sys.argv[1]+'/msrp_paraphrase/msr_paraphrase_train.txt'); te=load(sys.argv[1]+'/msrp_paraphrase/msr_paraphrase_test.txt')
Xtr=np.array([feats(a,b) for _,a,b in tr]); ytr=np.array([y for y,_,_ in tr])
Xte=np.array([feats(a,b) for _,a,b in te]); yte=np.array([y for y,_,_ in te])
print(len(tr),len(te))
for C in [0.1,1,10]:
    m=LogisticRegression(C=C,max_iter=2000).fit(Xtr,ytr); p=m.predict(Xte)
    tp=((p==1)&(yte==1)).sum(); prec=tp/p.sum(); rec=tp/yte.sum()
    print(C,'acc',round((p==yte).mean(),4),'F1',round(2*prec*rec/(prec+rec),4))
# rule alone with threshold tuned on train
r_tr=Xtr[:,-1]; best=max(np.arange(0.3,0.8,0.01),key=lambda t:((r_tr>=t)==ytr).mean()); print('rule t',best,'test acc',((Xte[:,-1]>=best)==yte).mean())
