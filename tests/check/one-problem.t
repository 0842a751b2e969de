# One fault, one problem: a translation rejected for its markup is not
# checked further ("&nbsp;" then "the number 45 000 became 45").
traduki check one-problem.po
