"""The ingest page (``/ingesta``) and its API twin (``/api/v1/ingest``): keys with role
``ingest`` upload files (CSRF-checked form in the browser, the key's header in the API);
each upload becomes a job (``expediente.web.ingest``) whose files' progress and results
can be followed, listed and, if the job was interrupted, run again."""

from __future__ import annotations

import hashlib
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request
from fastapi.responses import RedirectResponse, Response
from pydantic import BaseModel
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException

from expediente.web import session
from expediente.web.errors import ApiError
from expediente.web.ingest import CHUNK, MAX_FILES, SUFFIXES, Job, shown_name
from expediente.web.pages import render
from expediente.web.state import Access, access, token_of

router = APIRouter(include_in_schema=False)
api_router = APIRouter(prefix="/api/v1")
AccessDep = Annotated[Access, Depends(access)]
JobPath = Annotated[str, Path(min_length=16, max_length=16, pattern=r"^[0-9a-f]{16}$")]
RETRYABLE = ("interrumpido", "fallido")


class JobList(BaseModel):
    jobs: list[Job]


def _require_ingest(acc: Access) -> str:
    key = acc.principal.key
    if key is None:
        raise ApiError(401, "unauthorized", "Subir documentos requiere una clave de API con rol «ingest» "
                       "(o una sesión abierta con ella en /acceso).")
    if key.role != "ingest":
        raise ApiError(403, "forbidden", "Su clave no tiene el rol «ingest»: no puede subir documentos.")
    return key.id


def _check_length(acc: Access, request: Request) -> None:
    length = request.headers.get("content-length")
    if length is None or not length.isdigit():
        raise ApiError(411, "length_required", "La subida debe declarar su tamaño (Content-Length).")
    limit = acc.state.settings.max_upload_bytes
    if int(length) > limit:
        raise ApiError(413, "too_large", f"La subida pesa {int(length) / 1e6:.1f} MB y se admiten hasta "
                       f"{limit / 1e6:.0f} MB por vez.")
    cap = acc.state.settings.max_store_bytes
    if acc.state.jobs.usage() + int(length) > cap:
        raise ApiError(507, "storage_full", f"La carpeta de subidas llegó a su límite ({cap / 1e9:.1f} GB): "
                       "no se admiten más archivos hasta que un administrador libere espacio.")


async def _save(acc: Access, request: Request, *, check_csrf: bool) -> Job:
    """Check and store the uploaded files; start their job. A file of a type not admitted
    is refused by name and the others go on; if none is left, the upload is refused."""
    key_id = _require_ingest(acc)
    _check_length(acc, request)
    try:
        form = await request.form(max_files=MAX_FILES, max_fields=5)
    except HTTPException:  # starlette's multipart limits
        raise ApiError(400, "bad_upload", f"La subida no se pudo leer: envíe hasta {MAX_FILES} archivos en el "
                       "campo «archivos» de un formulario multipart.") from None
    try:
        if check_csrf and not session.csrf_matches(request, str(form.get(session.CSRF_FIELD, ""))):
            raise ApiError(403, "csrf", "El formulario caducó o no vino de esta página: vuelva a cargarla.")
        uploads = [f for f in form.getlist("archivos") if isinstance(f, UploadFile) and f.filename]
        if not uploads:
            raise ApiError(400, "no_files", "No llegó ningún archivo (campo «archivos»).")
        return await _store(acc, key_id, uploads)
    finally:
        await form.close()  # starlette's spooled copies go now, whatever happened


async def _store(acc: Access, key_id: str, uploads: list[UploadFile]) -> Job:
    jobs = acc.state.jobs
    job = jobs.new(key_id)
    try:
        for n, upload in enumerate(uploads):
            if not upload.filename.lower().endswith(SUFFIXES):
                jobs.reject(job, upload.filename, "unsupported_type", f"«{shown_name(upload.filename)}» no es un "
                            f"tipo admitido ({', '.join(SUFFIXES)}); no se ingirió.")
                continue
            part, digest, size = jobs.incoming(job.id) / f"{n}.part", hashlib.sha256(), 0
            with part.open("wb") as out:
                while chunk := await upload.read(CHUNK):
                    digest.update(chunk)
                    size += len(chunk)
                    out.write(chunk)
            jobs.store(job, upload.filename, part, digest.hexdigest(), size)
    except OSError as exc:
        jobs.discard(job)
        raise ApiError(507, "storage", "No se pudieron guardar los archivos en la carpeta de datos.") from exc
    except BaseException:  # the client went away, the server is stopping: nothing half-received stays
        jobs.discard(job)
        raise
    if not any(f.stored for f in job.files):
        jobs.discard(job)
        refused = "; ".join(f.message for f in job.files if f.message)
        raise ApiError(400, "unsupported_type", f"Ningún archivo se pudo admitir: {refused}")
    return jobs.start(job)


def _job(acc: Access, id: str) -> Job:
    key_id = _require_ingest(acc)
    job = acc.state.jobs.get(id)
    if job is None or job.key != key_id:
        raise ApiError(404, "not_found", f"No hay ninguna ingesta {id} de esta clave.")
    return job


def _retry(acc: Access, id: str) -> Job:
    job = _job(acc, id)
    if job.status not in RETRYABLE:
        raise ApiError(409, "not_retryable", f"La ingesta {id} está «{job.status.replace('_', ' ')}»: solo se "
                       "vuelve a ejecutar una interrumpida o fallida.")
    return acc.state.jobs.retry(id) or _job(acc, id)  # (None: gone meanwhile, and so a 404)


# -- HTML --------------------------------------------------------------------------------

@router.get("/ingesta")
def ingest_page(request: Request, acc: AccessDep) -> Response:
    key_id = _require_ingest(acc)
    token = session.csrf_token(request)
    response = render(request, "ingest.html", csrf=token, jobs=acc.state.jobs.recent(key_id),
                      suffixes=", ".join(SUFFIXES), max_mb=acc.state.settings.max_upload_bytes // 1_000_000,
                      max_files=MAX_FILES)
    session.set_cookie(response, request, session.CSRF_COOKIE, token, 24 * 3600)
    return response


@router.post("/ingesta")
async def ingest_upload(request: Request, acc: AccessDep) -> Response:
    job = await _save(acc, request, check_csrf=True)
    return RedirectResponse(f"/ingesta/{job.id}", status_code=303)


@router.get("/ingesta/{id}")
def ingest_job_page(request: Request, acc: AccessDep, id: JobPath) -> Response:
    job = _job(acc, id)
    token = session.csrf_token(request)
    response = render(request, "ingest_job.html", job=job, csrf=token, retryable=job.status in RETRYABLE)
    session.set_cookie(response, request, session.CSRF_COOKIE, token, 24 * 3600)
    return response


@router.post("/ingesta/{id}/reintentar")
async def ingest_retry_page(request: Request, acc: AccessDep, id: JobPath) -> Response:
    form = await request.form(max_files=0, max_fields=3)
    if not session.csrf_matches(request, str(form.get(session.CSRF_FIELD, ""))):
        raise ApiError(403, "csrf", "El formulario caducó o no vino de esta página: vuelva a cargarla.")
    _retry(acc, id)
    return RedirectResponse(f"/ingesta/{id}", status_code=303)


# -- API ---------------------------------------------------------------------------------

@api_router.post("/ingest", status_code=202, response_model=Job, summary="Subir documentos para ingerir "
                 "(clave con rol ingest en la cabecera; campo multipart «archivos»)")
async def ingest_api(request: Request, acc: AccessDep) -> Job:
    if token_of(request) is None:
        raise ApiError(401, "unauthorized", "La API de ingesta requiere la clave en la cabecera Authorization.")
    return await _save(acc, request, check_csrf=False)


@api_router.get("/ingest", response_model=JobList, summary="Las ingestas recientes de esta clave")
def ingest_list_api(acc: AccessDep) -> JobList:
    return JobList(jobs=acc.state.jobs.recent(_require_ingest(acc)))


@api_router.get("/ingest/{id}", response_model=Job, summary="Estado de una ingesta: etapa y resultado de cada archivo")
def ingest_job_api(acc: AccessDep, id: JobPath) -> Job:
    return _job(acc, id)


@api_router.post("/ingest/{id}/retry", status_code=202, response_model=Job,
                 summary="Volver a ejecutar una ingesta interrumpida o fallida (lo ya ingerido se omite)")
def ingest_retry_api(request: Request, acc: AccessDep, id: JobPath) -> Job:
    if token_of(request) is None:
        raise ApiError(401, "unauthorized", "La API de ingesta requiere la clave en la cabecera Authorization.")
    return _retry(acc, id)
