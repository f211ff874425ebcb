import { GraphError } from './errors.js';
import type { GraphHttp, GraphResult } from './http.js';
import { success, uploadResult, uploadSession, uploadStatus } from './schemas.js';

/**
 * Meta's Resumable Upload API, used for the WhatsApp profile picture: create a session on the app,
 * send the bytes, and on a transient failure ask how far the upload got and resume from there.
 */

/** The file types the upload API accepts. */
type UploadMime = 'image/jpeg' | 'image/jpg' | 'image/png' | 'application/pdf' | 'video/mp4';

interface UploadOperations {
  /**
   * Uploads a picture and returns its handle, for `profile_picture_handle` on the business profile.
   * The token's user needs an admin or developer role on the app.
   */
  uploadProfilePicture(
    token: string,
    bytes: Uint8Array,
    mime: UploadMime,
    fileName: string
  ): Promise<GraphResult<{ handle: string }>>;
  /**
   * Tells Meta's upload host to fetch a hosted video into the video `uploadUrl` names (the URL the
   * video_stories start phase answered): `Authorization: OAuth` with the Page token and a
   * `file_url` header (https://developers.facebook.com/docs/page-stories-api, "Upload a hosted file").
   */
  uploadHostedVideo(
    token: string,
    uploadUrl: string,
    fileUrl: string
  ): Promise<GraphResult<boolean>>;
}

/** Creates the upload operation; `maxResumes` bounds how often a failed transfer is resumed. */
const createUpload = (http: GraphHttp, appId: string, maxResumes: number): UploadOperations => ({
  uploadHostedVideo: (token, uploadUrl, fileUrl) =>
    http.request(
      {
        method: 'POST',
        path: 'video-upload',
        url: uploadUrl,
        token,
        authScheme: 'OAuth',
        headers: { file_url: fileUrl },
        // Meta fetches the file again on a repeat, into the same video: harmless (UNVERIFIED).
        idempotent: true,
        surfaces: ['pages'],
      },
      success
    ),
  uploadProfilePicture: async (token, bytes, mime, fileName) => {
    const session = await http.request(
      {
        method: 'POST',
        path: `${encodeURIComponent(appId)}/uploads`,
        token,
        query: { file_name: fileName, file_length: bytes.byteLength, file_type: mime },
      },
      uploadSession
    );
    const sessionPath = session.data.id;

    const transfer = (offset: number) =>
      http.request(
        {
          method: 'POST',
          path: sessionPath,
          token,
          // The upload endpoints accept the token only as `Authorization: OAuth`, offset only as a header.
          authScheme: 'OAuth',
          headers: { file_offset: String(offset) },
          bytes: { data: bytes.subarray(offset), contentType: mime },
          // The resume loop below retries, from the offset Meta confirms, not blindly.
          maxAttempts: 1,
        },
        uploadResult
      );

    let offset = 0;
    for (let resume = 0; ; resume += 1) {
      try {
        const result = await transfer(offset);
        return { data: { handle: result.data.h }, usage: result.usage };
      } catch (error) {
        if (!(error instanceof GraphError && error.retryable) || resume >= maxResumes) throw error;
        const status = await http.request(
          { method: 'GET', path: sessionPath, token, authScheme: 'OAuth' },
          uploadStatus
        );
        offset = Math.min(status.data.file_offset, bytes.byteLength);
      }
    }
  },
});

export type { UploadMime, UploadOperations };
export { createUpload };
