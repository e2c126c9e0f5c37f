import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
/** Writes the files of the `create` and `edit` steps under `root`; the other steps write nothing. */
export function applySteps(root, steps) {
    for (const step of steps) {
        if (step.kind !== 'create' && step.kind !== 'edit')
            continue;
        const path = join(root, step.path);
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, step.content);
    }
}
/** What a step did (or, with `dryRun`, would do), as the lines init prints for it. */
export function describeStep(step, dryRun) {
    const verb = (done, wouldDo) => (dryRun ? wouldDo : done);
    switch (step.kind) {
        case 'create':
            return `${verb('created', 'would create')}  ${step.path}  (${step.why})${dryRun ? `\n${indent(step.content)}` : ''}`;
        case 'edit':
            return `${verb('edited', 'would edit')}   ${step.path}  (${step.why})${dryRun ? `\n${indent(step.content)}` : ''}`;
        case 'unchanged':
            return `unchanged ${step.path}  (${step.why})`;
        case 'manual':
            return `${step.required ? 'TO DO' : 'optional'}  ${step.instructions}`;
    }
}
function indent(text) {
    return text
        .trimEnd()
        .split('\n')
        .map((line) => `    │ ${line}`)
        .join('\n');
}
