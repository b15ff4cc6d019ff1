"""Why an upload cannot become a document: errors the server turns into a 4xx answer, raised by
the upload's reading (``mubiao.serve.upload``) and by its worker process (``mubiao.serve.worker``)."""


class UploadError(ValueError):
    """The upload cannot become a document; the message says why, for the client."""

    status = 422


class UnsupportedFileType(UploadError):
    status = 415
