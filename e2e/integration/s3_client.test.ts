// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// The SigV4 signer the storage tests use to look into the bucket, checked against the worked
// example of AWS's S3 documentation ("Example: GET Bucket (List Objects)"), so a real store
// would accept what moto (which does not verify signatures) accepts. Needs no stack.

import {S3Client, signV4} from '../stack/s3_client';

describe('S3 client', () => {
    it('signs like the AWS documentation example for ListObjects', () => {
        const headers = signV4({
            method: 'GET',
            host: 'examplebucket.s3.amazonaws.com',
            path: '/',
            query: {'max-keys': '2', prefix: 'J'},
            region: 'us-east-1',
            accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
            secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
            now: new Date('2013-05-24T00:00:00Z'),
        });
        expect(headers['x-amz-date']).toBe('20130524T000000Z');
        expect(headers.Authorization).toBe('AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, '
            + 'SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7');
    });

    it('addresses the bucket path-style and encodes keys segment by segment', () => {
        const client = new S3Client({endpointUrl: 'http://127.0.0.1:9065', bucket: 'files', region: 'us-east-1', accessKeyId: 'a', secretAccessKey: 's'});
        const {url} = client.signedRequest('GET', 'mm-data/2026/a b+c(1).docx', {});
        expect(url).toBe('http://127.0.0.1:9065/files/mm-data/2026/a%20b%2Bc%281%29.docx');
        expect(client.signedRequest('GET', '', {prefix: 'mm/x', 'list-type': '2'}).url).toBe('http://127.0.0.1:9065/files?list-type=2&prefix=mm%2Fx');
    });
});
