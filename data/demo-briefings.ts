/**
 * The demo's two briefings, written as a desk officer in a labour ministry's international division writes them:
 * the last Working Party session's brief (final, marked, issued as a pack, then corrected by an addendum when the
 * Office revised its paper) and the next session's draft (every section filled, word budgets set, one paragraph, one
 * key message and one Q&A pair marked, one line carried over unchanged, one open marker), so that since-last-time,
 * line drift, pre-flight and the releasable variant all have something to show.
 *
 * Each briefing starts from the standard template; `sections` fill its sections by title, and `history` replays what
 * happened to it afterwards, in order, each step on its day relative to the load day. main/ops/demo.ts runs every
 * step through the operations the app calls. The workflow steps (issue 20) name who acts, by contact key: the last
 * session's brief is cleared by the head of unit, then the director, twice (before the pack, and again before its
 * addendum); the next session's has the defensive Q&A commissioned from the trade desk and submitted, waiting for the
 * owner's decision, and the lines on social protection floors commissioned from the adviser and overdue.
 */
import type { HandlingMark } from '../contract/model';

export type DemoContent =
  | { markdown: string }
  | { keyMessages: { text: string; handling?: HandlingMark }[] }
  | { qa: { question: string; answer: string; handling?: HandlingMark }[] }
  /** Lines to take by agenda item key (see DemoMeeting.agenda). */
  | { briefs: Record<string, string> };

export interface DemoSection {
  /** A section of the standard template, by title. */
  title: string;
  content?: DemoContent;
  handling?: HandlingMark;
  budgetWords?: number;
}

/** A commission of a section (by title), or of one agenda item's lines to take (by agenda key). */
export interface DemoCommission {
  key: string;
  section: string;
  agendaItem?: string;
  /** Contact key of the colleague asked. */
  from: string;
  deadlineInDays: number;
  note: string;
  budgetWords?: number;
}

export type DemoStep = { inDays: number } & (
  | { status: 'draft' | 'in_review' | 'final' }
  | { saveVersion: string }
  | { edit: DemoSection }
  | { issue: 'full' | 'releasable' }
  | { addendum: 'full' | 'releasable' }
  /** The briefing's own clearance chain: contact keys and their roles. */
  | { chain: { clearer: string; label: string }[] }
  /** Workflow steps, each done by the staff member `by` (a contact key) as "I am". */
  | { by: string; sendForClearance: true }
  | { by: string; approve: true; comment?: string }
  | { by: string; commission: DemoCommission }
  | { by: string; submit: string; content: DemoContent }
);

export interface DemoBriefing {
  key: string;
  /** DemoMeeting key. */
  meeting: string;
  title: string;
  classification: string;
  language: 'en' | 'de' | 'nl' | 'fr';
  owner: string;
  deadlineInDays: number;
  /** When the sections were written. */
  writtenInDays: number;
  sections: DemoSection[];
  history: DemoStep[];
}

const MARKING = 'VS-NUR FÜR DEN DIENSTGEBRAUCH';
const nfd = '<!-- handling: not_for_disclosure -->';

/** Word for word the same in both briefs: pre-flight asks whether it is still right. */
const SUPPLY_CHAINS = `**Welcome** the Office's follow-up report and its focus on practical tools for enterprises and governments.

- Ask the Office to map the due diligence initiatives of member States and the EU, and to report back to this Working Party.
- Stress that *social dialogue* along the chain is part of the solution, not an add-on.`;

const TRADE_THEN = `Support the Office's work on **policy coherence** between trade and labour market policies.

- Welcome the idea of a joint ILO–WTO study; ask for an outline before the next session.
- Ask that the study look at employment effects in *both* exporting and importing economies.`;

/** The next session's defensive Q&A as the owner wrote it; the trade desk's contribution adds a pair. */
const NEXT_QA: { question: string; answer: string; handling?: HandlingMark }[] = [
  {
    question: 'Will Germany contribute funds to the joint ILO–WTO study?',
    answer: 'No decision has been taken. We want to see the terms of reference and the cost estimate first; the study should be funded from the **regular budget** where possible.',
  },
  {
    question: 'Has Germany sent its comments on the study outline?',
    answer: 'Not yet: the comments are still in clearance with the economics ministry. If asked, say that they follow shortly and that we support the direction of the outline.',
    handling: 'internal',
  },
  {
    question: 'Does Germany support a binding international instrument on supply chain due diligence?',
    answer: 'We support a *smart mix* of national law, EU rules and voluntary initiatives. We are open to discussing an international instrument once the Office has mapped what exists.',
  },
  {
    question: 'Is the G20 the right place to discuss social protection floors?',
    answer: 'Yes, as a complement. The ILO sets the standards; the G20 can help close the **financing gap** and keep the issue on the finance ministers’ agenda.',
  },
];

export const demoBriefings: DemoBriefing[] = [
  {
    key: 'brief-last',
    meeting: 'wpsdg-last',
    title: 'Delegation brief: WPSDG, GB.355',
    classification: MARKING,
    language: 'en',
    owner: 'Jonas Weiß',
    deadlineInDays: -205,
    writtenInDays: -214,
    sections: [
      {
        title: 'Objectives',
        content: {
          markdown: `Germany attends as a government member of the Governing Body. At this session we want to:

1. keep **decent work in global supply chains** on the Working Party's agenda, with a report back from the Office;
2. move the ILO and the WTO towards a *joint study* on the employment effects of trade;
3. show support for the Office's work without committing new funds.`,
        },
      },
      {
        title: 'Key messages',
        content: {
          keyMessages: [
            { text: 'Decent work must be part of every trade and investment debate, not an afterthought.' },
            { text: 'We welcome closer cooperation between the ILO and the WTO on the employment effects of trade.' },
            { text: 'Germany supports universal social protection, including nationally defined social protection floors in line with ILO Recommendation No. 202.' },
          ],
        },
      },
      {
        title: 'Lines to take per agenda item',
        content: {
          briefs: {
            opening: 'Agree the agenda as circulated.',
            'supply-chains': SUPPLY_CHAINS,
            trade: TRADE_THEN,
            aob: 'No intervention planned. If the G20 Employment Working Group is raised, refer to the summary we will circulate to the sherpa team.',
          },
        },
      },
      {
        title: 'Defensive Q&A',
        content: {
          qa: [
            {
              question: 'Will Germany contribute funds to a joint ILO–WTO study?',
              answer: 'No decision has been taken. We first want to see the outline and a cost estimate; the study should be funded from the **regular budget** where possible.',
            },
            {
              question: 'Does Germany support a binding international instrument on supply chain due diligence?',
              answer: 'We support a *smart mix* of national law, EU rules and voluntary initiatives. We are open to discussing an international instrument, but not at this session.',
            },
          ],
        },
      },
      {
        title: 'Background',
        content: {
          markdown: `The Working Party meets twice a year during the Governing Body. It discusses background papers from the Office and formulates policy orientations for adoption by the Governing Body.

Its work helped the ILO and the WTO find common ground on how trade and labour market policies interact in creating — or holding back — employment. The Office now proposes to deepen this with a joint study.`,
        },
      },
    ],
    history: [
      // Head of unit, then director: final with the director's approval.
      {
        inDays: -209,
        chain: [
          { clearer: 'brandt', label: 'Head of unit' },
          { clearer: 'ozdemir', label: 'Director' },
        ],
      },
      { inDays: -209, by: 'weiss', sendForClearance: true },
      { inDays: -208, by: 'brandt', approve: true, comment: 'Fine from the unit.' },
      { inDays: -207, by: 'ozdemir', approve: true },
      { inDays: -206, issue: 'full' },
      // The Office revised its paper on item 3 after the pack went out: the lines change, an addendum follows.
      { inDays: -202, status: 'draft' },
      {
        inDays: -202,
        edit: {
          title: 'Lines to take per agenda item',
          content: {
            briefs: {
              opening: 'Agree the agenda as circulated.',
              'supply-chains': SUPPLY_CHAINS,
              trade: `${TRADE_THEN}
- Note the revised paragraph 14 of GB.355/WP/SDG/2(Rev.): the Office now proposes a steering group with the WTO Secretariat. **Support it.**

${nfd}
If the Employers' group asks for the study to be postponed, do not insist on a date: an outline by the next session is enough.`,
              aob: 'No intervention planned. If the G20 Employment Working Group is raised, refer to the summary we will circulate to the sherpa team.',
            },
          },
        },
      },
      // The changed lines are cleared again before the addendum goes out.
      { inDays: -202, by: 'weiss', sendForClearance: true },
      { inDays: -201, by: 'brandt', approve: true },
      { inDays: -201, by: 'ozdemir', approve: true, comment: 'Agreed: support the steering group.' },
      { inDays: -201, addendum: 'full' },
    ],
  },
  {
    key: 'brief-next',
    meeting: 'wpsdg-next',
    title: 'Delegation brief: WPSDG, GB.357',
    classification: MARKING,
    language: 'en',
    owner: 'Jonas Weiß',
    deadlineInDays: 38,
    writtenInDays: -9,
    sections: [
      {
        title: 'Objectives',
        budgetWords: 120,
        content: {
          markdown: `Germany attends as a government member of the Governing Body; the EU Presidency coordinates the EU position. Our aims at this session:

1. agree the **terms of reference** of the joint ILO–WTO study, covering employment effects in exporting *and* importing economies;
2. keep **supply chains** on the agenda and ask for the Office's report on due diligence initiatives;
3. place **social protection floors** in the G20 debate, building on our offer of an expert workshop;
4. close what is still open from last time (our comments on the study outline).`,
        },
      },
      {
        title: 'Key messages',
        budgetWords: 150,
        content: {
          keyMessages: [
            { text: 'Decent work must be part of every trade and investment debate, not an afterthought.' },
            { text: 'We welcome closer cooperation between the ILO and the WTO on the employment effects of trade, and want the three groups to shape the joint study **from the start**.' },
            { text: 'Germany supports universal social protection, including nationally defined floors in line with ILO Recommendation No. 202, and wants the G20 to track financing gaps.' },
            {
              text: "We can accept a two-stage study if the labour-market chapter comes first — do not offer this before the Employers' group raises the scope.",
              handling: 'not_for_disclosure',
            },
          ],
        },
      },
      {
        title: 'Lines to take per agenda item',
        budgetWords: 600,
        content: {
          briefs: {
            opening: 'Agree the agenda as circulated. If the Chair proposes to take item 4 before item 3, **agree**: Dr Kowalska joins remotely for item 4 only.',
            trade: `**Support** the draft decision in GB.357/WP/SDG/1 and ask that the terms of reference:

- be discussed with the three groups *before* work starts;
- cover employment effects in **both** exporting and importing economies;
- bring the results back to this Working Party, not only to the WTO General Council.

Thank the Office for taking up our point on importing economies.

${nfd}
Fallback: if the Employers' group insists on a narrower scope, accept a two-stage study with the labour-market chapter in stage one. Clear any further concession with Berlin first.`,
            'supply-chains': SUPPLY_CHAINS,
            spf: `*Intervention by Dr Kowalska (remote).*

1. Welcome the joint OECD–ILO note and its account of coverage gaps.
2. Announce the **expert workshop on financing social protection floors** that Germany offered last time; dates to follow through the Permanent Mission.
3. Ask the OECD and the ILO to report to the G20 Employment Working Group on financing gaps, using the existing SDG indicator 1.3.1 rather than a new one.`,
            aob: '**If raised:** our conference on platform work takes place in Berlin in the coming months; invitations go out through the Permanent Mission. Otherwise no intervention.',
          },
        },
      },
      {
        title: 'Defensive Q&A',
        content: {
          qa: NEXT_QA,
        },
      },
      {
        title: 'Background',
        budgetWords: 200,
        content: {
          markdown: `The Working Party meets twice a year during the Governing Body. It discusses background papers from the Office and formulates policy orientations for adoption; other international organisations address it from time to time. At this session the OECD presents a joint note with the ILO on social protection.

At the last session the Working Party asked the Office for options for a **joint ILO–WTO study** on the employment effects of trade. The Office circulated an outline; the terms of reference are now before the Working Party (GB.357/WP/SDG/1).

${nfd}
| Group or delegation | Expected position on the study | Source |
| --- | --- | --- |
| Employers' group | Supports a study; wants a narrow scope on trade facilitation | EU coordination |
| Workers' group | Supports; will ask for a chapter on labour rights in export sectors | ACTRAV contact |
| EU member States | Support; the Presidency speaks for the EU on item 2 | DG EMPL |
| Other governments | Mixed; some question the WTO's role | Permanent Mission |

About half of the world's population has at least one social protection benefit; coverage is far lower in low-income countries. [[latest figure: check with the social protection division]]

On supply chains, the Office's report is expected to cover national due diligence laws, the EU rules and voluntary initiatives, with an eye to what small suppliers can manage.`,
        },
      },
    ],
    history: [
      { inDays: -6, saveVersion: 'First draft for Ms Özdemir' },
      {
        inDays: -5,
        by: 'weiss',
        commission: {
          key: 'qa-trade',
          section: 'Defensive Q&A',
          from: 'hoffmann',
          deadlineInDays: 1,
          note: 'Please check the Q&A from the trade side and add what the Employers or the WTO Secretariat may ask about the joint study.',
          budgetWords: 400,
        },
      },
      {
        inDays: -4,
        by: 'weiss',
        commission: {
          key: 'spf-lines',
          section: 'Lines to take per agenda item',
          agendaItem: 'spf',
          from: 'kowalska',
          deadlineInDays: -1,
          note: 'Our lines on social protection floors in the G20 agenda: the financing gap, and whether we back the OECD–ILO proposal to track it.',
          budgetWords: 150,
        },
      },
      // Ms Özdemir asked for a line on social dialogue: added after the first draft.
      {
        inDays: -2,
        edit: {
          title: 'Key messages',
          content: {
            keyMessages: [
              { text: 'Decent work must be part of every trade and investment debate, not an afterthought.' },
              { text: 'We welcome closer cooperation between the ILO and the WTO on the employment effects of trade, and want the three groups to shape the joint study **from the start**.' },
              { text: 'Germany supports universal social protection, including nationally defined floors in line with ILO Recommendation No. 202, and wants the G20 to track financing gaps.' },
              { text: 'Social dialogue between governments, employers and workers should shape every stage of the study.' },
              {
                text: "We can accept a two-stage study if the labour-market chapter comes first — do not offer this before the Employers' group raises the scope.",
                handling: 'not_for_disclosure',
              },
            ],
          },
        },
      },
      {
        inDays: -1,
        by: 'hoffmann',
        submit: 'qa-trade',
        content: {
          qa: [
            ...NEXT_QA,
            {
              question: 'Does the joint study bring labour standards into WTO dispute settlement?',
              answer: 'No. The study is analytical: it looks at the employment effects of trade, not at enforcement. Labour standards stay with the ILO; the WTO Secretariat contributes its **trade data**.',
            },
          ],
        },
      },
    ],
  },
];
