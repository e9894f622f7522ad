/* competence.h — competence assurance on the frameworks of framework.h,
 * one header for all of it: check-ins and ratings (checkin.h), target
 * levels (target.h), re-assessment and the Due list (due.h), check-in
 * rounds (round.h), gaps (gaps.h) and the heat map (heatmap.h). */
#ifndef LUP_COMPETENCE_H
#define LUP_COMPETENCE_H

#include "lup/checkin.h"
#include "lup/due.h"
#include "lup/gaps.h"
#include "lup/heatmap.h"
#include "lup/round.h"
#include "lup/target.h"

#endif
