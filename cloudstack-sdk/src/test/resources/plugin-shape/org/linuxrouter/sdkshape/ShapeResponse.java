package org.linuxrouter.sdkshape;

import org.apache.cloudstack.api.ApiConstants;
import org.apache.cloudstack.api.BaseResponse;
import org.apache.cloudstack.api.EntityReference;

import com.cloud.serializer.Param;
import com.google.gson.annotations.SerializedName;

/** Test source shaped like the router response. */
@EntityReference(value = ShapeVO.class)
public class ShapeResponse extends BaseResponse {
    @SerializedName(ApiConstants.ID)
    @Param(description = "the id", isSensitive = false)
    private String id;

    public ShapeResponse() {
        super("shape");
    }
}
