/**
 * Prints the prompt plan as JSON on stdout. build/voice-prompts.ts runs this (`node --import tsx …`) rather
 * than importing the renderer's code, as build/ links nothing of the project.
 */
import { voicePromptPlan } from './prompt-plan';

console.log(JSON.stringify(voicePromptPlan()));
