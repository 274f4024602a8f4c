import { ApiError, ok, type Reply, type Router } from '../http.js';
import { newImageKey } from '../ids.js';
import { parseMultipart, sniffImageType } from '../multipart.js';
import type { Store } from '../store.js';

const MAX_IMAGE_BYTES = 10 * 1024 * 1024;

/** `POST /open-apis/im/v1/images` (multipart image_type + image), download, and `/sim/images/:key` for the web chat. */
export function registerImageRoutes(router: Router, store: Store): void {
  router.add('POST', '/open-apis/im/v1/images', { auth: 'tenant', tier4: true }, (ctx) => {
    try {
      const parts = parseMultipart(ctx.headers['content-type'], ctx.body);
      if (!parts) throw new ApiError(234001, 'Invalid request param: body must be multipart/form-data.');
      const imageType = parts.find((p) => p.name === 'image_type')?.data.toString('utf8');
      const image = parts.find((p) => p.name === 'image')?.data;
      if (imageType !== 'message' && imageType !== 'avatar') {
        throw new ApiError(234001, 'Invalid request param: image_type must be message or avatar.');
      }
      if (!image) throw new ApiError(234001, 'Invalid request param: image is required.');
      if (image.length === 0) throw new ApiError(234010, 'File size cannot be 0.');
      if (image.length > MAX_IMAGE_BYTES) throw new ApiError(234006, 'The file size exceeds the limit (10 MB).');
      const contentType = sniffImageType(image);
      if (!contentType) throw new ApiError(234011, "Can't recognize image format.");
      const key = newImageKey();
      store.images.set(key, { bytes: Buffer.from(image), contentType, imageType, at: store.now() });
      store.logDelivery({ kind: 'image_upload', at: store.now(), code: 0, imageKey: key });
      return ok({ image_key: key });
    } catch (e) {
      if (e instanceof ApiError) {
        store.logDelivery({ kind: 'image_upload', at: store.now(), code: e.code, detail: e.message });
      }
      throw e;
    }
  });

  router.add('GET', '/open-apis/im/v1/images/:image_key', { auth: 'tenant', tier4: true }, (ctx) => {
    const image = store.images.get(ctx.params.get('image_key') ?? '');
    if (!image) throw new ApiError(234003, 'File not in the scope of the app or does not exist.');
    return imageReply(image);
  });

  router.add('GET', '/sim/images/:image_key', { auth: 'none' }, (ctx) => {
    const image = store.images.get(ctx.params.get('image_key') ?? '');
    if (!image) return { status: 404, body: '图片不存在', headers: { 'content-type': 'text/plain; charset=utf-8' } };
    return imageReply(image);
  });
}

function imageReply(image: { bytes: Buffer; contentType: string }): Reply {
  return {
    status: 200,
    body: image.bytes,
    headers: { 'content-type': image.contentType, 'cache-control': 'max-age=86400' },
  };
}
