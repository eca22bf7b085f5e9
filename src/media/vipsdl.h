/*
 * media/vipsdl: libvips reached through dlopen() (media/vips.c).
 *
 * libvips pulls in about a hundred shared libraries (ImageMagick, poppler,
 * OpenEXR, librsvg...); linked normally, the dynamic loader spends some
 * 80-100 ms of CPU binding them at every start of picday, before main(),
 * even for `picday --version` or a TUI that never shows a picture.  So the
 * program is not linked with libvips: media_vips_init() loads it, and the
 * media/ files include this header after <vips/vips.h>, which turns each
 * vips_* call they make into a call through a pointer of the same type.
 * Nothing may call a vips_* function before media_vips_init() succeeded.
 * A vips function new to media/ goes in PICDAY_VIPS_FUNCS and gets its
 * #define below (the link fails otherwise: -lvips is not on it).
 */
#ifndef PICDAY_MEDIA_VIPSDL_H
#define PICDAY_MEDIA_VIPSDL_H

#include <vips/vips.h>
#include <vips/vector.h>

#define PICDAY_VIPS_FUNCS(X) \
	X(vips_text) \
	X(vips_multiply) \
	X(vips_linear1) \
	X(vips_embed) \
	X(vips_add) \
	X(vips_image_get_interpretation) \
	X(vips_image_copy_memory) \
	X(vips_array_double_newv) \
	X(vips_bandjoin) \
	X(vips_cache_set_max) \
	X(vips_vector_set_enabled) \
	X(vips_concurrency_set) \
	X(vips_cast_uchar) \
	X(vips_colourspace) \
	X(vips_copy) \
	X(vips_error_buffer) \
	X(vips_error_buffer_copy) \
	X(vips_error_clear) \
	X(vips_extract_band) \
	X(vips_flatten) \
	X(vips_image_get_height) \
	X(vips_image_get_width) \
	X(vips_image_hasalpha) \
	X(vips_image_new_from_file) \
	X(vips_image_new_from_memory) \
	X(vips_image_write_to_memory) \
	X(vips_init) \
	X(vips_jpegload) \
	X(vips_jpegload_source) \
	X(vips_jpegsave_buffer) \
	X(vips_jpegsave) \
	X(vips_resize) \
	X(vips_rot) \
	X(vips_source_new_from_descriptor) \
	X(vips_thread_shutdown) \
	X(vips_thumbnail) \
	X(vips_thumbnail_buffer) \
	X(vips_thumbnail_source) \
	X(vips_thumbnail_image) \
	X(vips_extract_area) \
	X(vips_image_get_orientation_swap) \
	X(vips_black) \
	X(vips_insert) \
	X(vips_image_map) \
	X(vips_image_remove) \
	X(vips_profile_load) \
	X(vips_blob_get) \
	X(vips_image_set_blob_copy) \
	X(vips_area_unref) \
	X(vips_concurrency_set) \
	X(vips_concurrency_get) \

#define PICDAY_VIPS_DECLARE(f) extern __typeof__(f) *picday_##f;
PICDAY_VIPS_FUNCS(PICDAY_VIPS_DECLARE)
#undef PICDAY_VIPS_DECLARE

#define vips_array_double_newv	(*picday_vips_array_double_newv)
#define vips_image_copy_memory	(*picday_vips_image_copy_memory)
#define vips_image_get_interpretation	(*picday_vips_image_get_interpretation)
#define vips_add	(*picday_vips_add)
#define vips_embed	(*picday_vips_embed)
#define vips_linear1	(*picday_vips_linear1)
#define vips_multiply	(*picday_vips_multiply)
#define vips_text	(*picday_vips_text)
#define vips_bandjoin	(*picday_vips_bandjoin)
#define vips_cache_set_max	(*picday_vips_cache_set_max)
#define vips_vector_set_enabled	(*picday_vips_vector_set_enabled)
#define vips_concurrency_set	(*picday_vips_concurrency_set)
#define vips_cast_uchar	(*picday_vips_cast_uchar)
#define vips_colourspace	(*picday_vips_colourspace)
#define vips_copy	(*picday_vips_copy)
#define vips_error_buffer	(*picday_vips_error_buffer)
#define vips_error_buffer_copy	(*picday_vips_error_buffer_copy)
#define vips_error_clear	(*picday_vips_error_clear)
#define vips_extract_band	(*picday_vips_extract_band)
#define vips_flatten	(*picday_vips_flatten)
#define vips_image_get_height	(*picday_vips_image_get_height)
#define vips_image_get_width	(*picday_vips_image_get_width)
#define vips_image_hasalpha	(*picday_vips_image_hasalpha)
#define vips_image_new_from_file	(*picday_vips_image_new_from_file)
#define vips_image_new_from_memory	(*picday_vips_image_new_from_memory)
#define vips_image_write_to_memory	(*picday_vips_image_write_to_memory)
#define vips_init	(*picday_vips_init)
#define vips_jpegload	(*picday_vips_jpegload)
#define vips_jpegload_source	(*picday_vips_jpegload_source)
#define vips_jpegsave_buffer	(*picday_vips_jpegsave_buffer)
#define vips_jpegsave	(*picday_vips_jpegsave)
#define vips_resize	(*picday_vips_resize)
#define vips_rot	(*picday_vips_rot)
#define vips_source_new_from_descriptor	(*picday_vips_source_new_from_descriptor)
#define vips_thread_shutdown	(*picday_vips_thread_shutdown)
#define vips_thumbnail	(*picday_vips_thumbnail)
#define vips_thumbnail_buffer	(*picday_vips_thumbnail_buffer)
#define vips_thumbnail_source	(*picday_vips_thumbnail_source)
#define vips_thumbnail_image	(*picday_vips_thumbnail_image)
#define vips_extract_area	(*picday_vips_extract_area)
#define vips_image_get_orientation_swap	(*picday_vips_image_get_orientation_swap)
#define vips_black	(*picday_vips_black)
#define vips_insert	(*picday_vips_insert)
#define vips_image_map	(*picday_vips_image_map)
#define vips_image_remove	(*picday_vips_image_remove)
#define vips_profile_load	(*picday_vips_profile_load)
#define vips_blob_get	(*picday_vips_blob_get)
#define vips_image_set_blob_copy	(*picday_vips_image_set_blob_copy)
#define vips_area_unref	(*picday_vips_area_unref)
#define vips_concurrency_set	(*picday_vips_concurrency_set)
#define vips_concurrency_get	(*picday_vips_concurrency_get)

#endif
