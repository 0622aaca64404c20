// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

export {startCollaboraStandIn} from './collabora_server';
export type {CollaboraStandIn, StandInOptions} from './collabora_server';
export {CollaboraDocument} from './collabora_document';
export type {DocumentCall, DocumentEvent, DocumentOptions, DocumentTimes, ViewAccess} from './collabora_document';
export {CollaboraSession} from './collabora_session';
export type {ProofOptions, PutFileOptions, SessionOptions} from './collabora_session';
export {buildDiscoveryXml} from './discovery_xml';
export {DEFAULT_POST_ALLOW, allowPostFrom, defaultConvertToBehaviour} from './convert_to_stand_in';
export type {ConversionRecord, ConvertOutcome, ConvertToBehaviour} from './convert_to_stand_in';
export {minimalPdf} from './minimal_pdf';
export {generateProofKey} from './proof_key_material';
export type {ProofKeyMaterial} from './proof_key_material';
export {ProofSigner, proofBytes, unixMsToTicks} from './proof_signer';
export type {KeyChoice, ProofHeaders, SignOptions} from './proof_signer';
export {encodeUtf7} from './utf7_encode';
export {sendWopiRequest} from './wopi_http';
export type {WopiResponse} from './wopi_http';
export {startCollaboraEditorStandIn, tokenFingerprint} from './editor_stand_in';
export type {EditorEvent, EditorStandIn} from './editor_stand_in';
export {editorPageHtml} from './editor_page_html';
export type {EditorPageOptions} from './editor_page_html';
